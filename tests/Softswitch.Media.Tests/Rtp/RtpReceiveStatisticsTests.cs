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

    [Test]
    [Description("RFC 4733 §2.5.1.4, RFC 3550 §A.3: linphone sends each digit's three end packets with one sequence number")]
    public void Repeated_dtmf_end_packets_are_duplicates_not_negative_loss_of_the_call()
    {
        var stats = Started(1000);
        ushort sequence = 1002;
        for (var digit = 0; digit < 4; digit++)
        {
            for (var i = 0; i < 10; i++)
            {
                Feed(stats, sequence++);
            }

            // The end packet, three times over, as mediastreamer2 sends it.
            Feed(stats, sequence);
            Feed(stats, sequence);
            Feed(stats, sequence++);
        }

        var block = stats.CreateReportBlock();

        Assert.That(stats.ExpectedPackets, Is.EqualTo(sequence - 1001));
        Assert.That(stats.Duplicates, Is.EqualTo(8));
        Assert.That(stats.PacketsLost, Is.EqualTo(0), "the call lost nothing");
        Assert.That(stats.CumulativeLost, Is.EqualTo(-8), "the RFC's figure counts duplicates as received");
        Assert.That(block.CumulativeLost, Is.EqualTo(-8), "and the report block keeps the RFC's rule");
        Assert.That(block.FractionLost, Is.EqualTo(0));
    }

    [Test]
    [Description("RFC 3550 §A.1, §A.3")]
    public void Reordered_packets_are_neither_lost_nor_duplicates_but_a_repeated_late_one_is_a_duplicate()
    {
        var stats = Started(10);
        Feed(stats, 13);
        Feed(stats, 12);
        Feed(stats, 14);

        Assert.That(stats.Duplicates, Is.EqualTo(0));
        Assert.That(stats.PacketsLost, Is.EqualTo(0));

        Feed(stats, 12);
        Feed(stats, 14);

        Assert.That(stats.Duplicates, Is.EqualTo(2));
        Assert.That(stats.PacketsLost, Is.EqualTo(0));
        Assert.That(stats.CumulativeLost, Is.EqualTo(-2));
    }

    [Test]
    [Description("RFC 3550 §A.1: duplicates on both sides of the 16-bit wrap")]
    public void Duplicates_across_the_sequence_wrap_are_recognised()
    {
        var stats = Started(65532);
        foreach (var sequence in new ushort[] { 65534, 65535, 0, 0, 65535, 2, 1, 1, 3 })
        {
            Feed(stats, sequence);
        }

        Assert.That(stats.Cycles, Is.EqualTo(65536u));
        Assert.That(stats.ExtendedHighestSequence, Is.EqualTo(65536u + 3));
        Assert.That(stats.ExpectedPackets, Is.EqualTo(7), "base 65533 to 3");
        Assert.That(stats.Duplicates, Is.EqualTo(3));
        Assert.That(stats.PacketsLost, Is.EqualTo(0));
        Assert.That(stats.CumulativeLost, Is.EqualTo(-3));
    }

    [Test]
    [Description("RFC 3550 §A.3: duplicates mask real loss in the RFC's figure, not in ours")]
    public void Real_loss_is_counted_even_when_duplicates_hide_it_from_the_rfc_figure()
    {
        var stats = Started(100);
        for (ushort sequence = 102; sequence <= 120; sequence++)
        {
            if (sequence is 105 or 110 or 111)
            {
                continue;
            }

            Feed(stats, sequence);
            if (sequence is 107 or 115)
            {
                Feed(stats, sequence);
            }
        }

        var block = stats.CreateReportBlock();

        Assert.That(stats.ExpectedPackets, Is.EqualTo(20));
        Assert.That(stats.PacketsLost, Is.EqualTo(3));
        Assert.That(stats.Duplicates, Is.EqualTo(2));
        Assert.That(block.CumulativeLost, Is.EqualTo(1));
        Assert.That(block.FractionLost, Is.EqualTo(256 / 20));
    }

    [Test]
    [Description("RFC 3550 §A.1: the packet that ends probation is the base; an earlier one arriving late is not expected")]
    public void A_late_packet_from_before_the_base_is_not_counted_as_received_in_range()
    {
        var stats = Started(100);
        Feed(stats, 102);
        Feed(stats, 99);
        Feed(stats, 100);

        Assert.That(stats.ExpectedPackets, Is.EqualTo(2), "base 101 to 102");
        Assert.That(stats.CumulativeLost, Is.EqualTo(-2));
        Assert.That(stats.PacketsLost, Is.EqualTo(0));
        Assert.That(stats.Duplicates, Is.EqualTo(0));
    }

    [Test]
    public void A_late_packet_filling_a_gap_after_a_long_jump_is_not_a_duplicate()
    {
        var stats = Started(10);
        Feed(stats, 300);
        Feed(stats, 299);
        Feed(stats, 299);

        Assert.That(stats.ExpectedPackets, Is.EqualTo(290));
        Assert.That(stats.Duplicates, Is.EqualTo(1));
        Assert.That(stats.PacketsLost, Is.EqualTo(287));
    }

    [Test]
    [Description("RFC 3550 §A.1: a confirmed restart starts all counts over")]
    public void A_restart_starts_duplicates_over_with_the_other_counts()
    {
        var stats = Started(100);
        Feed(stats, 101);
        Feed(stats, 101);
        Feed(stats, 40_000);
        Feed(stats, 40_001);
        Feed(stats, 40_001);

        Assert.That(stats.PacketsReceived, Is.EqualTo(2));
        Assert.That(stats.Duplicates, Is.EqualTo(1));
        Assert.That(stats.PacketsLost, Is.EqualTo(0));
    }

    [Test]
    [Description("RFC 3550 §6.4.1: cumulative loss is a signed 24-bit field, clamped rather than wrapped")]
    public void Report_block_clamps_cumulative_loss_to_the_largest_positive_24_bit_value()
    {
        var stats = Started(0);
        long sequence = 1;
        for (var i = 0; i < 3000; i++)
        {
            sequence += 2999;
            Feed(stats, (ushort)sequence);
        }

        var block = stats.CreateReportBlock();

        Assert.That(stats.PacketsLost, Is.GreaterThan(RtcpReportBlock.MaxCumulativeLost));
        Assert.That(block.CumulativeLost, Is.EqualTo(RtcpReportBlock.MaxCumulativeLost));
    }

    [Test]
    [Description("RFC 3550 §6.4.1: cumulative loss is a signed 24-bit field, clamped rather than wrapped")]
    public void Report_block_clamps_negative_cumulative_loss_to_the_smallest_24_bit_value()
    {
        var stats = Started(0);
        for (var i = 0; i < 0x800001; i++)
        {
            stats.Update(1, 160, 160, 160);
        }

        var block = stats.CreateReportBlock();

        Assert.That(stats.CumulativeLost, Is.LessThan(RtcpReportBlock.MinCumulativeLost));
        Assert.That(block.CumulativeLost, Is.EqualTo(RtcpReportBlock.MinCumulativeLost));
        Assert.That(block.FractionLost, Is.EqualTo(0));
        Assert.That(stats.PacketsLost, Is.EqualTo(0));
    }

    [Test]
    public void Counting_duplicates_allocates_nothing()
    {
        var stats = Started(0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 2; i < 5000; i++)
        {
            Feed(stats, (ushort)i);
            Feed(stats, (ushort)(i - 1));
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
        Assert.That(stats.Duplicates, Is.EqualTo(4998));
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
