using System.Text;
using Softswitch.Media.Dtmf;

namespace Softswitch.Media.Tests.Dtmf;

public class SipInfoDtmfParserTests
{
    private static (bool Ok, char Digit, int DurationMs) Parse(string contentType, string body)
    {
        var ok = SipInfoDtmfParser.TryParse(contentType, Encoding.ASCII.GetBytes(body), out var digit, out var duration);
        return (ok, ok ? digit.ToChar() : '-', duration);
    }

    [TestCase("Signal=5\r\nDuration=160\r\n", '5', 160)]
    [TestCase("Signal=5\r\nDuration=160", '5', 160)]
    [TestCase("signal= 1\nduration = 250\n", '1', 250)]
    [TestCase("SIGNAL=*\r\nDURATION=100\r\n", '*', 100)]
    [TestCase("Signal=#\r\nDuration=100\r\n", '#', 100)]
    [TestCase("Signal=10\r\nDuration=100\r\n", '*', 100)]
    [TestCase("Signal=11\r\nDuration=100\r\n", '#', 100)]
    [TestCase("Signal=d\r\nDuration=80\r\n", 'D', 80)]
    [TestCase("  Signal = 9 \r\n\r\n Duration= 200 \r\n", '9', 200)]
    [TestCase("Signal=0\r\n", '0', 0)]
    [TestCase("Duration=160\r\nSignal=7\r\n", '7', 160)]
    [TestCase("Signal=3\r\nDuration=160\r\nX-Vendor=yes\r\n", '3', 160)]
    public void Dtmf_relay_bodies_are_read_leniently(string body, char digit, int durationMs)
    {
        Assert.That(Parse("application/dtmf-relay", body), Is.EqualTo((true, digit, durationMs)));
    }

    [TestCase("Application/DTMF-Relay")]
    [TestCase(" application/dtmf-relay ; charset=utf-8")]
    public void Content_type_is_case_insensitive_and_may_carry_parameters(string contentType)
    {
        Assert.That(Parse(contentType, "Signal=4\r\nDuration=100").Digit, Is.EqualTo('4'));
    }

    [TestCase("5", '5')]
    [TestCase("5\r\n", '5')]
    [TestCase(" # ", '#')]
    [TestCase("11", '#')]
    [TestCase("a", 'A')]
    public void Bare_dtmf_body_is_the_key(string body, char digit)
    {
        Assert.That(Parse("application/dtmf", body), Is.EqualTo((true, digit, 0)));
    }

    [TestCase("application/dtmf-relay", "")]
    [TestCase("application/dtmf-relay", "Duration=160\r\n")]
    [TestCase("application/dtmf-relay", "Signal=\r\nDuration=160")]
    [TestCase("application/dtmf-relay", "Signal=E\r\n")]
    [TestCase("application/dtmf-relay", "Signal=16\r\n")]
    [TestCase("application/dtmf-relay", "Signal=55\r\n")]
    [TestCase("application/dtmf-relay", "Signal=5\r\nDuration=abc\r\n")]
    [TestCase("application/dtmf-relay", "Signal=5\r\nDuration=-5\r\n")]
    [TestCase("application/dtmf-relay", "Signal=5\r\nSignal=6\r\n")]
    [TestCase("application/dtmf-relay", "hello world")]
    [TestCase("application/dtmf-relay", "\u00ff\u00fe=\u0001")]
    [TestCase("application/dtmf", "")]
    [TestCase("application/dtmf", "55")]
    [TestCase("application/dtmf", "Signal=5")]
    [TestCase("application/sdp", "Signal=5\r\nDuration=160")]
    [TestCase("text/plain", "5")]
    [TestCase("", "5")]
    public void Garbage_is_rejected(string contentType, string body)
    {
        Assert.That(Parse(contentType, body).Ok, Is.False);
    }

    [Test]
    public void Missing_content_type_and_oversized_bodies_are_rejected()
    {
        Assert.That(SipInfoDtmfParser.TryParse(null, "5"u8, out _, out _), Is.False);
        var huge = Encoding.ASCII.GetBytes("Signal=5\r\n" + new string(' ', 5000));
        Assert.That(SipInfoDtmfParser.TryParse("application/dtmf-relay", huge, out _, out _), Is.False);
    }
}
