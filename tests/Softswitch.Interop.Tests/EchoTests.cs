using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>
/// The *43 echo test with baresip, a real softphone, in a private network namespace (see Scripts/echo-baresip.sh):
/// the tone it plays comes back to it, the switch's recording has the tone on both channels, and a second call
/// playing DTMF tones has its digits detected in-band, and an Opus-only call is echoed too.
/// </summary>
[TestFixture]
public sealed class EchoTests
{
    private static Dictionary<string, string> _results = null!;
    private static string _log = "";
    private static NamespaceScript _run = null!;

    [OneTimeSetUp]
    public async Task RunTheCall()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "network namespaces need root (CI runs as root)");
        _run = await NamespaceScript.RunAsync("echo-baresip.sh", TimeSpan.FromSeconds(90), "softswitch.out", "baresip.out");
        _results = _run.Results;
        _log = _run.Log;
    }

    private static double Db(string key) => _run.Number(key);

    [Test]
    public void Every_call_is_answered_and_ended_by_the_phones_bye()
    {
        Assert.That(_results.GetValueOrDefault("ANSWERED"), Is.EqualTo("3"), _log);
        Assert.That(_results.GetValueOrDefault("ENDED_BY_BYE"), Is.EqualTo("3"), _log);
    }

    [Test, Description("In-band DTMF (Goertzel) from a real phone's audio: each digit once, in order; the 1 kHz call gives none")]
    public void In_band_digits_from_the_phone_are_logged_once_each() =>
        Assert.That(_results.GetValueOrDefault("INBAND_DIGITS"), Is.EqualTo("159#"), _log);

    [Test, Description("TESTING.md: a tone is present when the 1 kHz band is within 3 dB of the total level")]
    public void The_phone_hears_its_tone_come_back()
    {
        var total = Db("HEARD_TOTAL_DB");
        Assert.That(total, Is.GreaterThan(-40), "not silence\n" + _log);
        Assert.That(Db("HEARD_1K_DB"), Is.GreaterThan(total - 3), _log);
    }

    [Test, Description("RFC 7587: an Opus-only phone gets Opus (libopus installed) and hears its tone back")]
    public void An_opus_call_echoes_the_tone()
    {
        Assert.That(_results.GetValueOrDefault("OPUS_ANSWERED"), Is.EqualTo("1"), _log);
        var total = Db("OPUS_HEARD_TOTAL_DB");
        Assert.That(total, Is.GreaterThan(-40), "not silence\n" + _log);
        Assert.That(Db("OPUS_HEARD_1K_DB"), Is.GreaterThan(total - 3), _log);
    }

    [Test]
    public void The_recording_is_stereo_with_the_tone_on_both_channels()
    {
        Assert.That(_results.GetValueOrDefault("REC_CHANNELS"), Is.EqualTo("2"), _log);
        foreach (var side in new[] { "LEFT", "RIGHT" })
        {
            var total = Db($"REC_{side}_TOTAL_DB");
            Assert.That(total, Is.GreaterThan(-40), $"{side} is not silence\n{_log}");
            Assert.That(Db($"REC_{side}_1K_DB"), Is.GreaterThan(total - 3), $"{side}\n{_log}");
        }
    }
}
