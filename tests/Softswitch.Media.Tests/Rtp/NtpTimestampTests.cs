using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class NtpTimestampTests
{
    [Test]
    [Description("RFC 3550 §4: seconds since 1900 and a 32-bit fraction")]
    public void Unix_epoch_is_2208988800_seconds_after_the_ntp_epoch()
    {
        var ntp = NtpTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddMilliseconds(500));

        Assert.That(ntp.Seconds, Is.EqualTo(2_208_988_800u));
        Assert.That(ntp.Fraction, Is.EqualTo(0x8000_0000u));
        Assert.That(ntp.ToDateTimeOffset(), Is.EqualTo(DateTimeOffset.UnixEpoch.AddMilliseconds(500)));
    }

    [Test]
    [Description("RFC 3550 §6.4.1: LSR is the middle 32 bits")]
    public void Middle_32_bits_are_the_low_seconds_and_high_fraction()
    {
        var ntp = NtpTimestamp.FromParts(0x1234_5678, 0x9ABC_DEF0);

        Assert.That(ntp.Middle32, Is.EqualTo(0x5678_9ABCu));
    }

    [Test]
    public void Now_reads_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

        Assert.That(NtpTimestamp.Now(clock).ToDateTimeOffset(), Is.EqualTo(clock.GetUtcNow()));
    }

    [Test]
    public void Short_units_are_1_65536_of_a_second()
    {
        Assert.That(NtpTimestamp.ToShortUnits(TimeSpan.FromSeconds(1.5)), Is.EqualTo(98_304u));
        Assert.That(NtpTimestamp.FromShortUnits(32_768), Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        Assert.That(NtpTimestamp.ToShortUnits(TimeSpan.FromSeconds(-1)), Is.EqualTo(0u));
    }
}
