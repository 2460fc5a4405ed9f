using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class RtpReceiveStatisticsTests
{
    private readonly FakeTimeProvider _clock = new();

    [Test]
    [Description("RFC 3550 §A.1: a source is valid after MIN_SEQUENTIAL sequential packets")]
    public void A_new_source_is_on_probation_until_two_sequential_packets()
    {
        var stats = new RtpReceiveStatistics(1, _clock);

        Assert.That(Feed(stats, 100), Is.EqualTo(RtpSequenceStatus.Probation));
        Assert.That(stats.IsValid, Is.False);
        Assert.That(Feed(stats, 200), Is.EqualTo(RtpSequenceStatus.Probation), "not sequential: probation restarts");
        Assert.That(Feed(stats, 201), Is.EqualTo(RtpSequenceStatus.Accepted));
        Assert.That(stats.IsValid, Is.True);
        Assert.That(stats.PacketsReceived, Is.EqualTo(1));
        Assert.That(stats.ExpectedPackets, Is.EqualTo(1));
    }

    [Test]
    [Description("RFC 3550 §A.3")]
    public void Loss_and_fraction_lost_follow_the_expected_minus_received_rule()
    {
        var stats = Started(100);
        for (ushort sequence = 102; sequence <= 110; sequence++)
        {
            if (sequence is not (105 or 106))
            {
                Feed(stats, sequence);
            }
        }

        var block = stats.CreateReportBlock();

        Assert.That(stats.ExpectedPackets, Is.EqualTo(10));
        Assert.That(block.CumulativeLost, Is.EqualTo(2));
        Assert.That(block.FractionLost, Is.EqualTo(2 * 256 / 10));
        Assert.That(block.ExtendedHighestSequence, Is.EqualTo(110u));
        Assert.That(block.Ssrc, Is.EqualTo(1u));
    }

    [Test]
    [Description("RFC 3550 §A.3: fraction lost covers only the interval since the previous report")]
    public void Fraction_lost_restarts_each_report_while_cumulative_loss_keeps_counting()
    {
        var stats = Started(0);
        Feed(stats, 3);
        stats.CreateReportBlock();
        for (ushort sequence = 4; sequence <= 13; sequence++)
        {
            Feed(stats, sequence);
        }

        var block = stats.CreateReportBlock();

        Assert.That(block.FractionLost, Is.EqualTo(0));
        Assert.That(block.CumulativeLost, Is.EqualTo(1));
    }

    [Test]
    [Description("RFC 3550 §A.3, §6.4.1: duplicates make the cumulative loss negative")]
    public void Duplicates_count_as_received_and_drive_loss_negative()
    {
        var stats = Started(10);
        Feed(stats, 12);
        Feed(stats, 12);
        Feed(stats, 12);

        var block = stats.CreateReportBlock();

        Assert.That(block.CumulativeLost, Is.EqualTo(-2));
        Assert.That(block.FractionLost, Is.EqualTo(0));
    }

    [Test]
    [Description("RFC 3550 §A.1: MAX_MISORDER")]
    public void Reordered_packets_are_not_loss()
    {
        var stats = Started(10);
        Feed(stats, 13);
        Feed(stats, 12);

        Assert.That(stats.CumulativeLost, Is.EqualTo(0));
        Assert.That(stats.ExtendedHighestSequence, Is.EqualTo(13u));
    }

    [Test]
    [Description("RFC 3550 §A.1: cycles count sequence wrap-arounds")]
    public void Sequence_wrap_adds_a_cycle_to_the_extended_highest_sequence()
    {
        var stats = Started(65530);
        for (var i = 65532; i <= 65536 + 5; i++)
        {
            Feed(stats, (ushort)i);
        }

        Assert.That(stats.Cycles, Is.EqualTo(65536u));
        Assert.That(stats.ExtendedHighestSequence, Is.EqualTo(65536u + 5));
        Assert.That(stats.ExpectedPackets, Is.EqualTo(11), "base is 65531, the packet that ended probation");
        Assert.That(stats.CumulativeLost, Is.EqualTo(0));
    }

    [Test]
    [Description("RFC 3550 §A.1: MAX_DROPOUT; a restart is believed when the next packet confirms it")]
    public void A_huge_jump_is_ignored_once_and_restarts_the_source_when_confirmed()
    {
        var stats = Started(100);
        Feed(stats, 102);

        Assert.That(Feed(stats, 40_000), Is.EqualTo(RtpSequenceStatus.BadSequence));
        Assert.That(stats.ExtendedHighestSequence, Is.EqualTo(102u));
        Assert.That(Feed(stats, 40_001), Is.EqualTo(RtpSequenceStatus.Accepted));
        Assert.That(stats.ExtendedHighestSequence, Is.EqualTo(40_001u));
        Assert.That(stats.PacketsReceived, Is.EqualTo(1));
    }

    [Test]
    [Description("RFC 3550 §A.8: J(i) = J(i-1) + (|D(i-1,i)| - J(i-1)) / 16")]
    public void Jitter_follows_the_rfc_formula_on_a_constructed_arrival_sequence()
    {
        var stats = new RtpReceiveStatistics(1, _clock);
        stats.Update(0, rtpTimestamp: uint.MaxValue - 159, arrivalTime: 5, payloadLength: 160);
        uint[] timestamps = [0, 160, 320, 480];
        uint[] arrivals = [1000, 1170, 1320, 1500];
        for (var i = 0; i < timestamps.Length; i++)
        {
            stats.Update((ushort)(i + 1), timestamps[i], arrivals[i], 160);
        }

        // Transit times 1000, 1010, 1000, 1020: |D| = 10, 10, 20.
        var expected = 0.0;
        foreach (var difference in new[] { 10.0, 10.0, 20.0 })
        {
            expected += (difference - expected) / 16;
        }

        Assert.That(stats.Jitter, Is.EqualTo(expected).Within(1e-9));
        Assert.That(stats.Jitter, Is.EqualTo(2.385253906).Within(1e-6));
        Assert.That(stats.CreateReportBlock().Jitter, Is.EqualTo(2u));
        Assert.That(stats.OctetsReceived, Is.EqualTo(4 * 160));
    }

    [Test]
    public void Jitter_stays_zero_across_a_timestamp_wrap_with_steady_arrivals()
    {
        var stats = new RtpReceiveStatistics(1, _clock);
        for (var i = 0; i < 10; i++)
        {
            var timestamp = uint.MaxValue - 800 + (uint)(i * 160);
            stats.Update((ushort)i, timestamp, (uint)(i * 160), 160);
        }

        Assert.That(stats.Jitter, Is.EqualTo(0));
    }

    [Test]
    [Description("RFC 3550 §6.4.1: LSR and DLSR")]
    public void Report_block_carries_last_sender_report_and_the_delay_since()
    {
        var stats = Started(0);
        var ntp = NtpTimestamp.FromParts(0x0000_1234, 0x5678_0000);
        stats.OnSenderReport(ntp);
        _clock.Advance(TimeSpan.FromSeconds(1.5));

        var block = stats.CreateReportBlock();

        Assert.That(block.LastSenderReport, Is.EqualTo(0x1234_5678u));
        Assert.That(block.DelaySinceLastSenderReport, Is.EqualTo(98_304u));
    }

    private RtpReceiveStatistics Started(ushort first)
    {
        var stats = new RtpReceiveStatistics(1, _clock);
        Feed(stats, first);
        Feed(stats, (ushort)(first + 1));
        return stats;
    }

    private static RtpSequenceStatus Feed(RtpReceiveStatistics stats, ushort sequence) =>
        stats.Update(sequence, (uint)(sequence * 160), (uint)(sequence * 160), 160);
}
