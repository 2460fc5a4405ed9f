using System.Net;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class RtpSourceLatchTests
{
    private static readonly SocketAddress s_sdp = new IPEndPoint(IPAddress.Parse("10.0.0.5"), 4000).Serialize();
    private static readonly SocketAddress s_nat = new IPEndPoint(IPAddress.Parse("203.0.113.7"), 61000).Serialize();
    private static readonly SocketAddress s_attacker = new IPEndPoint(IPAddress.Parse("198.51.100.9"), 5000).Serialize();

    [Test]
    [Description("RFC 4961: symmetric RTP; latch after N consecutive packets")]
    public void A_nat_address_wins_after_n_consecutive_packets_with_one_ssrc()
    {
        var latch = new RtpSourceLatch(3, s_sdp);

        Assert.That(latch.Observe(s_nat, 77), Is.EqualTo(RtpLatchDecision.Candidate));
        Assert.That(latch.Observe(s_nat, 77), Is.EqualTo(RtpLatchDecision.Candidate));
        Assert.That(latch.Current, Is.EqualTo(s_sdp));
        Assert.That(latch.Observe(s_nat, 77), Is.EqualTo(RtpLatchDecision.Latched));
        Assert.That(latch.Current, Is.EqualTo(s_nat));
        Assert.That(latch.Observe(s_nat, 77), Is.EqualTo(RtpLatchDecision.FromRemote));
        Assert.That(latch.LatchCount, Is.EqualTo(1));
    }

    [Test]
    public void One_spoofed_packet_among_the_real_stream_never_moves_the_remote()
    {
        var latch = new RtpSourceLatch(3, s_sdp);
        for (var i = 0; i < 10; i++)
        {
            Assert.That(latch.Observe(s_sdp, 1), Is.EqualTo(RtpLatchDecision.FromRemote));
            Assert.That(latch.Observe(s_attacker, 1), Is.EqualTo(RtpLatchDecision.Candidate));
        }

        Assert.That(latch.Current, Is.EqualTo(s_sdp));
    }

    [Test]
    public void Once_an_ssrc_was_heard_a_new_address_must_carry_the_same_ssrc()
    {
        var latch = new RtpSourceLatch(2, s_sdp);
        latch.Observe(s_sdp, 1);

        for (var i = 0; i < 5; i++)
        {
            Assert.That(latch.Observe(s_attacker, 999), Is.EqualTo(RtpLatchDecision.Candidate));
        }

        latch.Observe(s_nat, 1);
        Assert.That(latch.Observe(s_nat, 1), Is.EqualTo(RtpLatchDecision.Latched), "a NAT rebinding keeps the SSRC");
    }

    [Test]
    public void Interleaved_candidates_reset_each_other()
    {
        var latch = new RtpSourceLatch(2, s_sdp);

        for (var i = 0; i < 4; i++)
        {
            Assert.That(latch.Observe(s_nat, 5), Is.EqualTo(RtpLatchDecision.Candidate));
            Assert.That(latch.Observe(s_attacker, 5), Is.EqualTo(RtpLatchDecision.Candidate));
        }
    }

    [Test]
    public void Reset_to_a_new_sdp_address_forgets_the_ssrc_and_the_latch()
    {
        var latch = new RtpSourceLatch(2, s_sdp);
        latch.Observe(s_sdp, 1);
        latch.Reset(s_nat);

        Assert.That(latch.CurrentSsrc, Is.Null);
        Assert.That(latch.Observe(s_nat, 8), Is.EqualTo(RtpLatchDecision.FromRemote));
    }

    [Test]
    public void Without_any_remote_the_first_steady_source_latches()
    {
        var latch = new RtpSourceLatch(2);

        Assert.That(latch.Current, Is.Null);
        latch.Observe(s_nat, 3);
        Assert.That(latch.Observe(s_nat, 3), Is.EqualTo(RtpLatchDecision.Latched));
    }
}
