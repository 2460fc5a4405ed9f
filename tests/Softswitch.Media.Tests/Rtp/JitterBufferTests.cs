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
            // A DTX silence of three frames every hundred packets.
            var timestamp = (uint)(sequence + (3 * (sequence / 100))) * 160u;
            buffer.Insert(sequence, timestamp, false, payload, timestamp);
            buffer.Pop(_output, out _);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
    }

    [Test]
    [Description("RFC 3551 §4.1 silence suppression: the timestamp keeps time, the sequence number does not")]
    public void A_dtx_silence_hidden_in_the_playout_delay_is_played_as_gap_frames_not_squeezed_out()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { MinDepthMilliseconds = 60 });
        var played = new List<string>();
        for (var tick = 0; tick < 20; tick++)
        {
            // Packets 0-9 at ticks 0-9; the sender is silent for ticks 10 and 11 and numbers on from 10 at tick 12.
            if (tick is < 10 or >= 12)
            {
                var sequence = (ushort)(tick < 10 ? tick : tick - 2);
                buffer.Insert(sequence, (uint)(tick * Frame), false, Payload(sequence), (uint)(tick * Frame));
            }

            played.Add(Describe(buffer));
        }

        Assert.That(played, Is.EqualTo(new[]
        {
            "buffering", "buffering", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
            "gap", "gap", "10", "11", "12", "13", "14", "15",
        }));
        Assert.That(buffer.GapFrames, Is.EqualTo(2));
        Assert.That(buffer.FramesMissing + buffer.FramesDropped, Is.Zero);
    }

    [Test]
    [Description("RFC 3551 §4.1: 20 ms packets, 1 s of silence, then sequence + 1 with timestamp + 8000 + 160")]
    public void A_one_second_dtx_gap_delivered_in_a_burst_plays_fifty_silent_frames()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { MinDepthMilliseconds = 200, MaxDepthMilliseconds = 200 });
        for (ushort sequence = 0; sequence < 10; sequence++)
        {
            var timestamp = (uint)((sequence < 5 ? sequence : sequence + 50) * Frame);
            buffer.Insert(sequence, timestamp, false, Payload(sequence), timestamp);
        }

        var played = Enumerable.Range(0, 61).Select(_ => Describe(buffer)).ToList();

        Assert.That(played.Take(5), Is.EqualTo(new[] { "0", "1", "2", "3", "4" }));
        Assert.That(played.Skip(5).Take(50), Is.All.EqualTo("gap"));
        Assert.That(played.Skip(55), Is.EqualTo(new[] { "5", "6", "7", "8", "9", "buffering" }));
        Assert.That(buffer.GapFrames, Is.EqualTo(50));
    }

    [Test]
    public void A_dtx_silence_in_real_time_is_not_played_twice()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { MinDepthMilliseconds = 60 });
        var played = new List<string>();
        for (var tick = 0; tick < 90; tick++)
        {
            // Talk for 0.5 s, 1 s of silence in which nothing is sent (the buffer runs dry), then talk again.
            if (tick is < 25 or >= 75)
            {
                var sequence = (ushort)(tick < 25 ? tick : tick - 50);
                buffer.Insert(sequence, (uint)(tick * Frame), false, Payload(sequence), (uint)(tick * Frame));
            }

            played.Add(Describe(buffer));
        }

        var last = played.IndexOf("24");
        var resumed = played.IndexOf("25");
        Assert.That(resumed - last - 1, Is.EqualTo(50), "exactly the second of silence between the talkspurts");
        Assert.That(resumed - 75, Is.EqualTo(last - 24), "the same playout delay after the silence as before");
    }

    [Test]
    public void A_timestamp_jump_beyond_the_longest_gap_is_a_new_timeline_and_plays_at_once()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { MinDepthMilliseconds = 60, MaxGapMilliseconds = 1000 });
        for (ushort sequence = 0; sequence < 5; sequence++)
        {
            var timestamp = (uint)((sequence < 3 ? sequence : sequence + 400) * Frame);
            buffer.Insert(sequence, timestamp, false, Payload(sequence), timestamp);
        }

        var played = Enumerable.Range(0, 5).Select(_ => Describe(buffer)).ToList();

        Assert.That(played, Is.EqualTo(new[] { "0", "1", "2", "3", "4" }));
        Assert.That(buffer.GapFrames, Is.Zero);
    }

    [Test]
    public void Shrinking_cuts_the_silence_before_it_drops_audio()
    {
        var buffer = new JitterBuffer();
        for (ushort sequence = 0; sequence < 5; sequence++)
        {
            Insert(buffer, sequence);
            buffer.Pop(_output, out _);
        }

        // Four packets at once, one more than target + hysteresis, the first stamped six frames ahead (a silence).
        for (ushort sequence = 5; sequence < 9; sequence++)
        {
            var timestamp = (uint)((sequence + 6) * Frame);
            buffer.Insert(sequence, timestamp, false, Payload(sequence), timestamp);
        }

        var played = Enumerable.Range(0, 6).Select(_ => Describe(buffer)).ToList();

        // Each tick drops a frame of the silence and plays one; once it is gone the excess packet goes.
        Assert.That(played, Is.EqualTo(new[] { "gap", "gap", "gap", "6", "7", "8" }));
        Assert.That(buffer.FramesDropped, Is.EqualTo(4));
        Assert.That(buffer.GapFrames, Is.EqualTo(3));
    }

    [TestCase(240)]
    [TestCase(480)]
    [TestCase(80)]
    public void Packets_longer_or_shorter_than_a_frame_are_not_taken_for_gaps(int packetSamples)
    {
        var buffer = new JitterBuffer();
        var results = new List<JitterBufferPopResult>();
        for (ushort sequence = 0; sequence < 50; sequence++)
        {
            var timestamp = (uint)(sequence * packetSamples);
            buffer.Insert(sequence, timestamp, false, Payload(sequence), timestamp);
            results.Add(buffer.Pop(_output, out _));
        }

        Assert.That(results, Has.None.EqualTo(JitterBufferPopResult.Gap));
        Assert.That(buffer.FramesPlayed, Is.EqualTo(50));
    }

    [Test]
    public void Sequence_and_timestamp_wrap_inside_a_dtx_gap_keep_the_gap()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { MinDepthMilliseconds = 160, MaxDepthMilliseconds = 200 });
        var first = uint.MaxValue - (4 * Frame) + 1;
        for (var i = 0; i < 8; i++)
        {
            var sequence = (ushort)(65532 + i);
            var timestamp = first + (uint)((i < 4 ? i : i + 3) * Frame);
            buffer.Insert(sequence, timestamp, false, Payload(sequence), timestamp);
        }

        var played = Enumerable.Range(0, 11).Select(_ => Describe(buffer)).ToList();

        Assert.That(played, Is.EqualTo(new[] { "65532", "65533", "65534", "65535", "gap", "gap", "gap", "0", "1", "2", "3" }));
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
        JitterBufferPopResult.Gap => "gap",
        _ => "buffering",
    };
}
