using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class RtcpReportSchedulerTests
{
    [Test]
    [Description("RFC 3550 §6.2: 5 s minimum, halved for the first report, randomised 0.5-1.5")]
    public void Two_party_intervals_stay_within_the_randomised_minimum()
    {
        var scheduler = new RtcpReportScheduler(random: new Random(7));

        var first = scheduler.NextInterval();
        Assert.That(first.TotalSeconds, Is.InRange(1.25, 3.75));

        var intervals = Enumerable.Range(0, 2000).Select(_ => scheduler.NextInterval().TotalSeconds).ToArray();
        Assert.That(intervals.Min(), Is.GreaterThanOrEqualTo(2.5));
        Assert.That(intervals.Max(), Is.LessThan(7.5));
        Assert.That(intervals.Average(), Is.EqualTo(5.0).Within(0.15));
        Assert.That(intervals.Distinct().Count(), Is.GreaterThan(1000), "randomised, not fixed");
    }

    [Test]
    [Description("RFC 3550 §A.7: interval = avg_rtcp_size * n / rtcp_bw above the minimum")]
    public void Many_members_on_little_bandwidth_stretch_the_interval()
    {
        var scheduler = new RtcpReportScheduler(sessionBandwidthBytesPerSecond: 1000, random: new Random(1));
        scheduler.NextInterval();

        // 5% of 1000 B/s = 50 B/s; receivers share 75% = 37.5 B/s; 100 receivers x 128 B = 341.3 s.
        var deterministic = scheduler.DeterministicInterval(members: 102, senders: 2, weSent: false);

        Assert.That(deterministic, Is.EqualTo(128.0 * 100 / 37.5).Within(1e-9));
    }

    [Test]
    public void Average_packet_size_moves_by_a_sixteenth()
    {
        var scheduler = new RtcpReportScheduler();
        scheduler.OnRtcpPacket(128 + 160);

        Assert.That(scheduler.AverageRtcpSize, Is.EqualTo(138));
    }
}
