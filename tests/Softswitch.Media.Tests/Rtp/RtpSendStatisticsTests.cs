using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class RtpSendStatisticsTests
{
    [Test]
    [Description("RFC 3550 §6.4.1: sender info counts payload octets and maps now to the RTP clock")]
    public void Sender_info_extrapolates_the_rtp_timestamp_to_the_report_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var stats = new RtpSendStatistics(9, clockRate: 8000, clock);
        stats.OnPacketSent(1000, 160);
        stats.OnPacketSent(1160, 160);
        stats.OnPacketSent(uint.MaxValue - 100, 160);
        clock.Advance(TimeSpan.FromMilliseconds(100));

        var info = stats.CreateSenderInfo();

        Assert.That(info.PacketCount, Is.EqualTo(3u));
        Assert.That(info.OctetCount, Is.EqualTo(480u));
        Assert.That(info.RtpTimestamp, Is.EqualTo(699u), "(2^32 - 101) + 800 wraps through zero");
        Assert.That(info.NtpTime.ToDateTimeOffset(), Is.EqualTo(clock.GetUtcNow()));
        Assert.That(stats.HasSent, Is.True);
    }

    [Test]
    public void Before_any_packet_nothing_has_been_sent()
    {
        var stats = new RtpSendStatistics(9, 8000, new FakeTimeProvider());

        Assert.That(stats.HasSent, Is.False);
        Assert.That(stats.CreateSenderInfo().PacketCount, Is.EqualTo(0u));
    }
}
