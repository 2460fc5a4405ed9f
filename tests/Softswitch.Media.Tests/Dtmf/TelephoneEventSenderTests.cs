using Softswitch.Media.Dtmf;
using Softswitch.Media.Tests.Dtmf.Support;

namespace Softswitch.Media.Tests.Dtmf;

public class TelephoneEventSenderTests
{
    private static List<(TelephoneEventPacket Packet, TelephoneEventPayload Payload, byte[] Bytes)> All(TelephoneEventSequence sequence)
    {
        var packets = new List<(TelephoneEventPacket, TelephoneEventPayload, byte[])>();
        var buffer = new byte[4];
        while (sequence.TryWriteNext(buffer, out var packet))
        {
            Assert.That(TelephoneEventPayload.TryParse(buffer, out var payload), Is.True);
            packets.Add((packet, payload, buffer.ToArray()));
            Assert.That(packets, Has.Count.LessThan(10_000), "the sequence must end");
        }
        return packets;
    }

    [Test]
    [Description("RFC 4733 §2.5.1.2, §2.5.1.4")]
    public void Digit_is_sent_as_marker_start_growing_updates_and_three_end_packets()
    {
        var sender = new TelephoneEventSender();
        var packets = All(sender.CreateSequence(DtmfDigit.Five, TimeSpan.FromMilliseconds(100), 12_345));

        Assert.That(packets.Select(p => (int)p.Payload.Duration), Is.EqualTo(new[] { 160, 320, 480, 640, 800, 800, 800 }));
        Assert.That(packets.Select(p => p.Packet.Marker), Is.EqualTo(new[] { true, false, false, false, false, false, false }));
        Assert.That(packets.Select(p => p.Payload.IsEnd), Is.EqualTo(new[] { false, false, false, false, true, true, true }));
        Assert.That(packets.Select(p => p.Packet.IsEnd), Is.EqualTo(packets.Select(p => p.Payload.IsEnd)));
        Assert.That(packets.Select(p => p.Packet.Timestamp), Is.All.EqualTo(12_345u));
        Assert.That(packets.Select(p => p.Payload.EventCode), Is.All.EqualTo((byte)5));
        Assert.That(packets.Select(p => p.Payload.Volume), Is.All.EqualTo((byte)10));
        Assert.That(packets.Select(p => p.Packet.SendOffset.TotalMilliseconds), Is.EqualTo(new double[] { 0, 20, 40, 60, 80, 100, 120 }));
        Assert.That(packets[0].Bytes, Is.EqualTo(new byte[] { 5, 10, 0, 160 }));
        Assert.That(packets[^1].Bytes, Is.EqualTo(new byte[] { 5, 0x80 | 10, 0x03, 0x20 }));
    }

    [Test]
    public void Packet_interval_is_configurable()
    {
        var sender = new TelephoneEventSender(TimeSpan.FromMilliseconds(50), volume: 7);
        var packets = All(sender.CreateSequence(DtmfDigit.Pound, TimeSpan.FromMilliseconds(120), 0));

        Assert.That(packets.Select(p => (int)p.Payload.Duration), Is.EqualTo(new[] { 400, 800, 960, 960, 960 }));
        Assert.That(packets.Select(p => p.Packet.SendOffset.TotalMilliseconds), Is.EqualTo(new double[] { 0, 50, 100, 150, 200 }));
        Assert.That(packets.Select(p => p.Payload.Volume), Is.All.EqualTo((byte)7));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.4")]
    public void Press_shorter_than_one_interval_is_three_end_packets_the_first_with_the_marker()
    {
        var packets = All(new TelephoneEventSender().CreateSequence(DtmfDigit.One, TimeSpan.FromMilliseconds(10), 7));

        Assert.That(packets, Has.Count.EqualTo(3));
        Assert.That(packets.Select(p => p.Packet.Marker), Is.EqualTo(new[] { true, false, false }));
        Assert.That(packets.Select(p => p.Payload.IsEnd), Is.All.True);
        Assert.That(packets.Select(p => (int)p.Payload.Duration), Is.All.EqualTo(80));
    }

    [Test]
    [Description("RFC 4733 §2.5.1.3")]
    public void Event_longer_than_the_duration_field_is_split_into_segments()
    {
        var sequence = new TelephoneEventSender(TimeSpan.FromMilliseconds(50)).CreateSequence(DtmfDigit.Star, TimeSpan.FromSeconds(10), 1_000);
        var packets = All(sequence);

        var first = packets.Where(p => p.Packet.Timestamp == 1_000).ToList();
        var second = packets.Where(p => p.Packet.Timestamp == 1_000 + 0xFFFF).ToList();
        Assert.That(first.Count + second.Count, Is.EqualTo(packets.Count), "two segments only");
        Assert.That(first[^1].Payload.Duration, Is.EqualTo(0xFFFF));
        Assert.That(first.Select(p => p.Payload.IsEnd), Is.All.False);
        Assert.That(second.Select(p => p.Packet.Marker), Is.All.False);
        Assert.That(second[^1].Payload.Duration, Is.EqualTo(80_000 - 0xFFFF));
        Assert.That(second.Count(p => p.Payload.IsEnd), Is.EqualTo(3));
        Assert.That(sequence.IsComplete, Is.True);
        Assert.That(first.Select(p => (int)p.Payload.Duration), Is.Ordered.Ascending);
        Assert.That(second.Select(p => (int)p.Payload.Duration), Is.Ordered.Ascending);
    }

    [TestCase(20, 40)]
    [TestCase(20, 100)]
    [TestCase(50, 250)]
    [TestCase(50, 9_000)]
    [TestCase(20, 17_000)]
    [Description("RFC 4733 §2.5")]
    public void Sender_output_is_read_back_by_the_receiver(int intervalMs, int durationMs)
    {
        using var h = new ReceiverHarness();
        var sender = new TelephoneEventSender(TimeSpan.FromMilliseconds(intervalMs));
        uint timestamp = 50_000;
        ushort sequenceNumber = 1;
        var buffer = new byte[4];
        foreach (var digit in new[] { DtmfDigit.One, DtmfDigit.One, DtmfDigit.Pound })
        {
            var sequence = sender.CreateSequence(digit, TimeSpan.FromMilliseconds(durationMs), timestamp);
            while (sequence.TryWriteNext(buffer, out var packet))
            {
                h.Receiver.Receive(ReceiverHarness.TelephoneEventType, sequenceNumber++, packet.Timestamp, packet.Marker, buffer);
                h.Clock.Advance(TimeSpan.FromMilliseconds(intervalMs));
            }
            timestamp += (uint)(durationMs * 8 + 800);
        }

        Assert.That(h.EndedText, Is.EqualTo("11#"));
        Assert.That(h.Started, Has.Count.EqualTo(3));
        Assert.That(h.Ended.Select(e => e.Duration), Is.All.EqualTo(TimeSpan.FromMilliseconds(durationMs)));
    }

    [Test]
    public void Writing_into_a_too_small_buffer_is_a_programming_error()
    {
        var sequence = new TelephoneEventSender().CreateSequence(DtmfDigit.One, TimeSpan.FromMilliseconds(100), 0);
        Assert.That(() => sequence.TryWriteNext(new byte[3], out _), Throws.ArgumentException);
    }
}
