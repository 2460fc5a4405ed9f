using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Clock;
using Softswitch.Media.Codecs;
using Softswitch.Media.Recording;
using Softswitch.Media.Sdp;

namespace Softswitch.Media.Tests.Recording;

public sealed class RecordingChannelTests
{
    private const int Frame = 160;
    private const int Ticks = 100;

    /// <summary>Playout delay both channels settle on: the first three packets arrive together at tick 2.</summary>
    private const int Delay = 2;

    [Test]
    [Description("RFC 3551 §4.1: with silence suppression the timestamp keeps time while the sequence number does not")]
    public void Dtx_silences_keep_their_length_so_a_channel_stays_in_step_with_the_other()
    {
        var time = new FakeTimeProvider();
        using var continuous = Channel(time);
        using var withDtx = Channel(time);
        // The DTX side says nothing for 40 ms (less than the playout delay hides) and later for 600 ms (it runs dry).
        static bool Talking(int t) => t is < 20 or (>= 22 and < 40) or >= 70;
        var left = new List<int>();
        var right = new List<int>();
        ushort dtxSequence = 0;
        var frame = new short[Frame];
        for (var tick = 0; tick < Ticks; tick++)
        {
            foreach (var t in ArrivingAt(tick))
            {
                continuous.Insert((ushort)t, (uint)(t * Frame), t == 0, Payload(t));
                if (Talking(t))
                {
                    withDtx.Insert(dtxSequence++, (uint)(t * Frame), t == 0, Payload(t));
                }
            }

            time.Advance(MediaClock.Period);
            continuous.Render(frame);
            left.Add(Identify(frame));
            withDtx.Render(frame);
            right.Add(Identify(frame));
        }

        var expectedLeft = Enumerable.Range(0, Ticks).Select(tick => tick < Delay ? Silence : tick - Delay);
        var expectedRight = expectedLeft.Select(t => t == Silence || Talking(t) ? t : Silence);
        Assert.Multiple(() =>
        {
            Assert.That(left, Is.EqualTo(expectedLeft));
            Assert.That(right, Is.EqualTo(expectedRight), "each talk frame on the same tick as on the other channel");
            Assert.That(withDtx.GapFrames, Is.EqualTo(4), "two frames of each silence were hidden in the playout delay");
            Assert.That(withDtx.FramesConcealed, Is.Zero, "a silence is not loss");
            Assert.That(withDtx.PacketsDiscarded, Is.Zero);
        });
    }

    [Test]
    public void Lost_packets_are_still_concealed_in_place_next_to_a_dtx_gap()
    {
        var time = new FakeTimeProvider();
        using var channel = Channel(time);
        var played = new List<int>();
        var frame = new short[Frame];
        ushort sequence = 0;
        for (var tick = 0; tick < 40; tick++)
        {
            foreach (var t in ArrivingAt(tick))
            {
                // t = 20 and 21 are a silence (no packet, no sequence number); the packet of t = 25 is lost.
                if (t is 20 or 21)
                {
                    continue;
                }

                if (t != 25)
                {
                    channel.Insert(sequence, (uint)(t * Frame), false, Payload(t));
                }

                sequence++;
            }

            time.Advance(MediaClock.Period);
            channel.Render(frame);
            played.Add(Identify(frame));
        }

        var expected = Enumerable.Range(0, 40).Select(tick => tick - Delay).Select(t => t is < 0 or 20 or 21 or 25 ? Silence : t);
        Assert.That(played, Is.EqualTo(expected));
        Assert.That(channel.FramesConcealed, Is.EqualTo(1));
        Assert.That(channel.GapFrames, Is.EqualTo(2));
    }

    private const int Silence = -1;

    private static RecordingChannel Channel(TimeProvider time) =>
        new(AudioCodecs.Create(new MediaFormat(0, "PCMU", 8000))!, 320, 8000, time);

    /// <summary>Packet timestamps (in frames) arriving at <paramref name="tick"/>: 0 to 2 together at tick 2, then one per tick.</summary>
    private static IEnumerable<int> ArrivingAt(int tick) => tick switch
    {
        < 2 => [],
        2 => [0, 1, 2],
        _ => [tick],
    };

    /// <summary>A frame of one constant μ-law value per packet, so each output frame names the packet it came from.</summary>
    private static byte[] Payload(int t)
    {
        var payload = new byte[Frame];
        Array.Fill(payload, (byte)(0x80 + t));
        return payload;
    }

    private static int Identify(short[] frame)
    {
        if (frame.All(sample => sample == 0))
        {
            return Silence;
        }

        var decoded = new short[Frame];
        for (var t = 0; t < Ticks; t++)
        {
            PcmuCodec.Instance.Decode(Payload(t), decoded);
            if (decoded.AsSpan().SequenceEqual(frame))
            {
                return t;
            }
        }

        return -2;
    }
}
