using System.Buffers.Binary;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class RtpRewriterTests
{
    private const uint OutputSsrc = 0x5050_5050;

    [Test]
    [Description("RFC 3550 §5.1: SSRC, sequence and timestamp rewritten with one offset per source")]
    public void First_source_is_mapped_onto_the_chosen_start_values()
    {
        var rewriter = new RtpRewriter(OutputSsrc, firstSequence: 1000, firstTimestamp: 50_000);

        var first = Rewrite(rewriter, ssrc: 7, sequence: 40_000, timestamp: 9_000_000);
        var second = Rewrite(rewriter, ssrc: 7, sequence: 40_001, timestamp: 9_000_160);

        Assert.That(first, Is.EqualTo((OutputSsrc, (ushort)1000, 50_000u)));
        Assert.That(second, Is.EqualTo((OutputSsrc, (ushort)1001, 50_160u)));
    }

    [Test]
    public void A_new_source_continues_with_last_sequence_plus_one_and_last_timestamp_plus_a_frame()
    {
        var rewriter = new RtpRewriter(OutputSsrc, firstSequence: 65534, firstTimestamp: uint.MaxValue - 200);
        Rewrite(rewriter, ssrc: 1, sequence: 10, timestamp: 1000);
        Rewrite(rewriter, ssrc: 1, sequence: 11, timestamp: 1240);
        var lastOfOld = Rewrite(rewriter, ssrc: 1, sequence: 12, timestamp: 1480);

        var packet = Packet(ssrc: 2, sequence: 30_000, timestamp: 77_777_777);
        rewriter.TryRewrite(packet);
        var firstOfNew = Read(packet);
        var secondOfNew = Rewrite(rewriter, ssrc: 2, sequence: 30_001, timestamp: 77_777_777 + 240);

        Assert.That(lastOfOld.Sequence, Is.EqualTo((ushort)0));
        Assert.That(firstOfNew.Sequence, Is.EqualTo((ushort)1), "sequence wraps at 65535 and continues");
        Assert.That(firstOfNew.Timestamp, Is.EqualTo(lastOfOld.Timestamp + 240), "one learned 30 ms frame later");
        Assert.That(secondOfNew.Timestamp, Is.EqualTo(firstOfNew.Timestamp + 240));
        Assert.That(packet[1] & 0x80, Is.EqualTo(0x80), "marker bit tells the receiver a new talkspurt starts");
        Assert.That(rewriter.SourceChanges, Is.EqualTo(1));
    }

    [Test]
    public void Reordered_packets_keep_their_order_and_do_not_move_the_continuation_point()
    {
        var rewriter = new RtpRewriter(OutputSsrc, 100, 0);
        Rewrite(rewriter, 1, 500, 0);
        Rewrite(rewriter, 1, 502, 320);
        var late = Rewrite(rewriter, 1, 501, 160);
        var next = Rewrite(rewriter, 2, 9, 9);

        Assert.That(late.Sequence, Is.EqualTo((ushort)101));
        Assert.That(next.Sequence, Is.EqualTo((ushort)103));
        Assert.That(next.Timestamp, Is.EqualTo(320u + 160u));
    }

    [Test]
    public void A_source_returning_after_another_gets_fresh_offsets_and_still_continues()
    {
        var rewriter = new RtpRewriter(OutputSsrc, 0, 0);
        Rewrite(rewriter, 1, 10, 1600);
        Rewrite(rewriter, 2, 60_000, 4_000_000);
        var back = Rewrite(rewriter, 1, 11, 1760);

        Assert.That(back.Sequence, Is.EqualTo((ushort)2));
        Assert.That(back.Timestamp, Is.EqualTo(320u));
    }

    [Test]
    public void Short_or_non_rtp_packets_are_left_alone()
    {
        var rewriter = new RtpRewriter(OutputSsrc, 0, 0);
        var garbage = new byte[12];
        garbage[0] = 0x40;

        Assert.That(rewriter.TryRewrite(new byte[5]), Is.False);
        Assert.That(rewriter.TryRewrite(garbage), Is.False);
        Assert.That(rewriter.SourceSsrc, Is.Null);
    }

    [Test]
    public void Relaying_a_packet_allocates_nothing()
    {
        var rewriter = new RtpRewriter(OutputSsrc, 0, 0);
        var map = new PayloadTypeMap().Add(101, 96);
        var packet = Packet(1, 1, 160);
        rewriter.TryRewrite(packet);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            RtpHeader.TryParse(packet, out _, out _);
            rewriter.TryRewrite(packet);
            map.TryRewrite(packet);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
    }

    private static (uint Ssrc, ushort Sequence, uint Timestamp) Rewrite(RtpRewriter rewriter, uint ssrc, ushort sequence, uint timestamp)
    {
        var packet = Packet(ssrc, sequence, timestamp);
        Assert.That(rewriter.TryRewrite(packet), Is.True);
        return Read(packet);
    }

    private static byte[] Packet(uint ssrc, ushort sequence, uint timestamp)
    {
        var packet = new byte[12 + 160];
        new RtpHeader(0, sequence, timestamp, ssrc).Write(packet);
        return packet;
    }

    private static (uint Ssrc, ushort Sequence, uint Timestamp) Read(byte[] packet) => (
        BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(8)),
        BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2)),
        BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(4)));
}
