using System.Net;
using Microsoft.Extensions.Time.Testing;
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
        var latch = new RtpSourceLatch(3, s_sdp, signallingHost: IPAddress.Parse("203.0.113.7"));

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
        var latch = new RtpSourceLatch(3, s_sdp, relatchAfter: TimeSpan.Zero);
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
        var latch = new RtpSourceLatch(2, s_sdp, relatchAfter: TimeSpan.Zero);
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
        var latch = new RtpSourceLatch(2, s_sdp, relatchAfter: TimeSpan.Zero);

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

    [Test]
    [Description("Asterisk strictrtp: once latched, another source is dropped while the remote is live")]
    public void While_the_remote_is_live_a_steady_stream_from_elsewhere_is_rejected_even_with_its_ssrc()
    {
        var time = new FakeTimeProvider();
        var latch = new RtpSourceLatch(3, s_sdp, TimeSpan.FromSeconds(2), time);
        Assert.That(latch.Observe(s_sdp, 1), Is.EqualTo(RtpLatchDecision.FromRemote));

        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(5));
            Assert.That(latch.Observe(s_attacker, 1), Is.EqualTo(RtpLatchDecision.Rejected), $"packet {i}");
            if (i % 4 == 0) latch.Observe(s_sdp, 1);
        }

        Assert.That(latch.Current, Is.EqualTo(s_sdp));
        Assert.That(latch.LatchCount, Is.Zero);
    }

    [Test]
    public void A_remote_silent_for_the_relatch_time_may_be_replaced_by_its_own_ssrc_from_a_new_network()
    {
        var time = new FakeTimeProvider();
        var latch = new RtpSourceLatch(3, s_sdp, TimeSpan.FromSeconds(2), time);
        latch.Observe(s_sdp, 1);

        time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.That(latch.Observe(s_nat, 1), Is.EqualTo(RtpLatchDecision.Rejected), "not silent long enough yet");
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(latch.Observe(s_nat, 1), Is.EqualTo(RtpLatchDecision.Candidate));
        Assert.That(latch.Observe(s_nat, 1), Is.EqualTo(RtpLatchDecision.Candidate));
        Assert.That(latch.Observe(s_nat, 1), Is.EqualTo(RtpLatchDecision.Latched));

        Assert.That(latch.Observe(s_attacker, 1), Is.EqualTo(RtpLatchDecision.Rejected), "the new remote is live now");
    }

    [Test]
    public void Before_the_caller_speaks_a_third_host_cannot_win_the_call_but_the_signalling_host_can()
    {
        var time = new FakeTimeProvider();
        var latch = new RtpSourceLatch(3, s_sdp, TimeSpan.FromSeconds(2), time, IPAddress.Parse("203.0.113.7"));
        time.Advance(TimeSpan.FromMilliseconds(1999));

        for (var i = 0; i < 100; i++)
        {
            Assert.That(latch.Observe(s_attacker, 66), Is.EqualTo(RtpLatchDecision.Rejected), $"packet {i}");
        }

        latch.Observe(s_nat, 5);
        latch.Observe(s_nat, 5);
        Assert.That(latch.Observe(s_nat, 5), Is.EqualTo(RtpLatchDecision.Latched), "the phone behind a NAT sends from its SIP address");
    }

    [Test]
    public void A_call_that_heard_nobody_for_the_relatch_time_learns_a_third_host()
    {
        var time = new FakeTimeProvider();
        var latch = new RtpSourceLatch(3, s_sdp, TimeSpan.FromSeconds(2), time, IPAddress.Parse("203.0.113.7"));
        Assert.That(latch.Observe(s_attacker, 9), Is.EqualTo(RtpLatchDecision.Rejected));

        time.Advance(TimeSpan.FromSeconds(2));
        latch.Observe(s_attacker, 9);
        latch.Observe(s_attacker, 9);
        Assert.That(latch.Observe(s_attacker, 9), Is.EqualTo(RtpLatchDecision.Latched), "a multi-homed phone sending from an address its SDP does not name");
    }

    [Test]
    public void The_sdp_address_wins_the_remote_back_at_once()
    {
        var time = new FakeTimeProvider();
        var latch = new RtpSourceLatch(3, s_sdp, TimeSpan.FromSeconds(2), time);
        latch.Observe(s_sdp, 1);
        time.Advance(TimeSpan.FromSeconds(3)); // the phone on hold, silent
        for (var i = 0; i < 3; i++) latch.Observe(s_attacker, 1);
        Assert.That(latch.Current, Is.EqualTo(s_attacker), "a silent remote can be replaced by its SSRC");

        Assert.That(latch.Observe(s_sdp, 1), Is.EqualTo(RtpLatchDecision.Latched));
        Assert.That(latch.Current, Is.EqualTo(s_sdp));
        Assert.That(latch.Observe(s_attacker, 1), Is.EqualTo(RtpLatchDecision.Rejected));
    }

    [Test]
    public void The_current_host_is_matched_by_address_whatever_the_port()
    {
        var latch = new RtpSourceLatch(1, s_sdp);

        Assert.That(latch.IsCurrentHost(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 4001).Serialize()), Is.True);
        Assert.That(latch.IsCurrentHost(s_attacker), Is.False);
        Assert.That(latch.IsCurrentHost(new IPEndPoint(IPAddress.IPv6Loopback, 4000).Serialize()), Is.False);
    }
}
