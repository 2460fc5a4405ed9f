using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class JitterBufferTests
{
    private const int Frame = 160;
    private readonly byte[] _output = new byte[320];

    [Test]
    public void Reordered_packets_play_in_sequence_order()
    {
        var buffer = new JitterBuffer();
        Insert(buffer, 10);
        Insert(buffer, 12);
        Insert(buffer, 11);

        Assert.That(PopSequence(buffer), Is.EqualTo(10));
        Assert.That(PopSequence(buffer), Is.EqualTo(11));
        Assert.That(PopSequence(buffer), Is.EqualTo(12));
    }

    [Test]
    public void A_lost_packet_comes_out_as_missing_in_its_place()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { MinDepthMilliseconds = 60 });
        var played = new List<string>();
        for (ushort tick = 0; tick < 9; tick++)
        {
            if (tick != 5)
            {
                Insert(buffer, tick, arrival: tick * Frame);
            }

            played.Add(Describe(buffer));
        }

        Assert.That(played, Is.EqualTo(new[] { "buffering", "buffering", "0", "1", "2", "3", "4", "missing", "6" }));
        Assert.That(buffer.FramesMissing, Is.EqualTo(1));
    }

    [Test]
    public void Duplicates_are_dropped_and_play_once()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { MinDepthMilliseconds = 40 });
        Assert.That(Insert(buffer, 1), Is.EqualTo(JitterBufferInsertResult.Stored));
        Assert.That(Insert(buffer, 1), Is.EqualTo(JitterBufferInsertResult.Duplicate));
        Insert(buffer, 2);

        Assert.That(PopSequence(buffer), Is.EqualTo(1));
        Assert.That(PopSequence(buffer), Is.EqualTo(2));
        Assert.That(buffer.Duplicates, Is.EqualTo(1));
    }

    [Test]
    public void A_packet_behind_the_playout_point_is_too_late()
    {
        var buffer = new JitterBuffer();
        Insert(buffer, 5);
        Insert(buffer, 6);
        PopSequence(buffer);
        PopSequence(buffer);

        Assert.That(Insert(buffer, 4), Is.EqualTo(JitterBufferInsertResult.TooLate));
        Assert.That(buffer.LatePackets, Is.EqualTo(1));
    }

    [Test]
    public void Sequence_and_timestamp_wrap_around_play_straight_through()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { MinDepthMilliseconds = 40 });
        var sequences = new List<int>();
        var timestamp = uint.MaxValue - (3 * Frame) + 1;
        for (var i = 0; i < 8; i++)
        {
            var sequence = (ushort)(65532 + i);
            var result = buffer.Insert(sequence, timestamp, false, Payload(sequence), arrivalTime: timestamp + 1000);
            Assert.That(result, Is.EqualTo(JitterBufferInsertResult.Stored));
            timestamp += Frame;
            if (buffer.Pop(_output, out _) == JitterBufferPopResult.Frame)
            {
                sequences.Add(_output[0] | (_output[1] << 8));
            }
        }

        Assert.That(sequences, Is.EqualTo(new[] { 65532, 65533, 65534, 65535, 0, 1, 2 }));
        Assert.That(buffer.Jitter, Is.EqualTo(0));
        Assert.That(buffer.Resyncs, Is.EqualTo(0));
    }

    [Test]
    public void A_large_sequence_jump_resyncs_the_buffer()
    {
        var buffer = new JitterBuffer();
        Insert(buffer, 10);
        PopSequence(buffer);

        Assert.That(Insert(buffer, 30_000), Is.EqualTo(JitterBufferInsertResult.Resynced));
        Assert.That(PopSequence(buffer), Is.EqualTo(30_000));
        Assert.That(Insert(buffer, 20_000), Is.EqualTo(JitterBufferInsertResult.Resynced), "far backwards is a restart, not lateness");
    }

    [Test]
    [Description("RFC 3550 §A.8 jitter estimate drives the playout delay")]
    public void Target_depth_grows_with_jitter_and_a_new_talkspurt_refills_to_it()
    {
        var options = new JitterBufferOptions { MinDepthMilliseconds = 20, MaxDepthMilliseconds = 200 };
        var buffer = new JitterBuffer(options);
        ushort sequence = 0;
        for (; sequence < 50; sequence++)
        {
            Insert(buffer, sequence, arrival: sequence * Frame);
            buffer.Pop(_output, out _);
        }

        Assert.That(buffer.TargetDepth, Is.EqualTo(1), "steady arrivals need only the minimum");

        for (; sequence < 150; sequence++)
        {
            // Every other packet arrives 20 ms late.
            Insert(buffer, sequence, arrival: (sequence * Frame) + (sequence % 2 == 0 ? 0 : Frame));
            buffer.Pop(_output, out _);
        }

        Assert.That(buffer.Jitter, Is.GreaterThan(140));
        Assert.That(buffer.TargetDepth, Is.InRange(3, 10));
        var target = buffer.TargetDepth;
        Assert.That(buffer.TargetDelay, Is.EqualTo(TimeSpan.FromMilliseconds(20 * target)));

        while (buffer.Pop(_output, out _) != JitterBufferPopResult.Buffering)
        {
        }

        // Silence, then a talkspurt (marker bit) arriving on time: playout waits until the target depth is there.
        var pops = 0;
        for (var i = 0; i < 20; i++, sequence++)
        {
            buffer.Insert(sequence, (uint)(sequence * Frame), marker: i == 0, Payload(sequence), (uint)((sequence * Frame) + Frame));
            pops++;
            if (buffer.Pop(_output, out _) == JitterBufferPopResult.Frame)
            {
                break;
            }
        }

        Assert.That(pops, Is.GreaterThanOrEqualTo(3), "refilled to the grown depth, not the 20 ms minimum");
        Assert.That(pops, Is.InRange(buffer.TargetDepth, target));
    }

    [Test]
    public void Jitter_decays_and_the_target_shrinks_back_with_frames_dropped()
    {
        var buffer = new JitterBuffer();
        ushort sequence = 0;
        for (; sequence < 100; sequence++)
        {
            Insert(buffer, sequence, arrival: (sequence * Frame) + (sequence % 2 == 0 ? 0 : 3 * Frame));
            buffer.Pop(_output, out _);
        }

        var grown = buffer.TargetDepth;
        for (; sequence < 400; sequence++)
        {
            Insert(buffer, sequence, arrival: sequence * Frame);
            buffer.Pop(_output, out _);
        }

        Assert.That(grown, Is.GreaterThan(4));
        Assert.That(buffer.TargetDepth, Is.EqualTo(1));
        Assert.That(buffer.Depth, Is.LessThanOrEqualTo(1 + 2));
    }

    [Test]
    public void Oversized_and_invalid_packets_are_refused()
    {
        var buffer = new JitterBuffer();

        Assert.That(buffer.Insert(1, 0, false, new byte[321], 0), Is.EqualTo(JitterBufferInsertResult.TooLarge));
        Assert.That(buffer.Insert(new byte[5], 0), Is.EqualTo(JitterBufferInsertResult.Invalid));
        Assert.That(buffer.Pop(_output, out _), Is.EqualTo(JitterBufferPopResult.Buffering));
    }

    [Test]
    public void Whole_rtp_packets_are_parsed_and_their_payload_stored()
    {
        var buffer = new JitterBuffer();
        var packet = new byte[12 + 4];
        new RtpHeader(0, 77, 1000, 1).Write(packet);
        packet[12] = 0xAB;

        Assert.That(buffer.Insert(packet, 1000), Is.EqualTo(JitterBufferInsertResult.Stored));
        Assert.That(buffer.Pop(_output, out var length), Is.EqualTo(JitterBufferPopResult.Frame));
        Assert.That(length, Is.EqualTo(4));
        Assert.That(_output[0], Is.EqualTo(0xAB));
    }

    [Test]
    public void Insert_and_pop_allocate_nothing()
    {
        var buffer = new JitterBuffer();
        var payload = new byte[160];
        buffer.Insert(0, 0, false, payload, 0);
        buffer.Pop(_output, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (ushort sequence = 1; sequence < 2000; sequence++)
        {
            buffer.Insert(sequence, sequence * 160u, false, payload, sequence * 160u);
            buffer.Pop(_output, out _);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
    }

    private static JitterBufferInsertResult Insert(JitterBuffer buffer, ushort sequence, int? arrival = null) =>
        buffer.Insert(sequence, (uint)(sequence * Frame), false, Payload(sequence), (uint)(arrival ?? sequence * Frame));

    private static byte[] Payload(ushort sequence)
    {
        var payload = new byte[Frame];
        payload[0] = (byte)sequence;
        payload[1] = (byte)(sequence >> 8);
        return payload;
    }

    private int PopSequence(JitterBuffer buffer)
    {
        Assert.That(buffer.Pop(_output, out var length), Is.EqualTo(JitterBufferPopResult.Frame));
        Assert.That(length, Is.EqualTo(Frame));
        return _output[0] | (_output[1] << 8);
    }

    private string Describe(JitterBuffer buffer) => buffer.Pop(_output, out _) switch
    {
        JitterBufferPopResult.Frame => (_output[0] | (_output[1] << 8)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        JitterBufferPopResult.Missing => "missing",
        _ => "buffering",
    };
}
