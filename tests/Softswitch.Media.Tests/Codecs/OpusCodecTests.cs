using Softswitch.Media.Codecs;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Codecs;

public class OpusCodecTests
{
    private const int Rate = 48000;
    private const int Frame = 960;

    [SetUp]
    public void RequireLibopus()
    {
        if (!OpusLibrary.IsAvailable)
        {
            Assert.Fail("libopus.so.0 could not be loaded: install it with 'apt-get install -y libopus0'.");
        }
    }

    [Test]
    public void Library_reports_its_version()
    {
        Assert.That(OpusLibrary.Version, Does.StartWith("libopus"));
    }

    [Test]
    [Description("RFC 7587 §4.1: the RTP clock rate of Opus is always 48000")]
    public void Describes_opus_at_48_khz_with_20_ms_frames()
    {
        using var codec = new OpusCodec();
        Assert.That((codec.Name, codec.ClockRate, codec.SampleRate, codec.Channels, codec.FrameSamples, codec.SupportsConcealment),
            Is.EqualTo(("opus", 48000, 48000, 1, 960, true)));
    }

    [Test]
    public void One_second_of_1_khz_sine_decodes_with_most_energy_at_1_khz()
    {
        using var codec = new OpusCodec(bitrate: 32000);
        short[] input = SignalMeasure.Sine(1000, Rate, Rate, amplitude: 12000);
        short[] output = EncodeDecode(codec, input, channels: 1);

        // Skip the first 100 ms: encoder look-ahead and decoder start-up.
        ReadOnlySpan<short> steady = output.AsSpan(4800);
        double tone = SignalMeasure.ToneAmplitude(steady, 1000, Rate);
        double rms = SignalMeasure.Rms(steady);
        double toneRms = tone / Math.Sqrt(2);

        Assert.That(tone, Is.EqualTo(12000).Within(1800), "1 kHz level");
        Assert.That(toneRms * toneRms / (rms * rms), Is.GreaterThan(0.9), "share of energy at 1 kHz");
        Assert.That(SignalMeasure.ToneAmplitude(steady, 3000, Rate), Is.LessThan(tone / 100), "3 kHz");
    }

    [Test]
    public void Stereo_round_trip_keeps_left_and_right_apart()
    {
        using var codec = new OpusCodec(channels: 2, bitrate: 96000);
        short[] left = SignalMeasure.Sine(600, Rate, Rate, amplitude: 10000);
        short[] right = SignalMeasure.Sine(1500, Rate, Rate, amplitude: 10000);
        var input = new short[Rate * 2];
        for (int i = 0; i < Rate; i++)
        {
            input[2 * i] = left[i];
            input[2 * i + 1] = right[i];
        }

        short[] output = EncodeDecode(codec, input, channels: 2);
        short[] decodedLeft = Enumerable.Range(4800, Rate - 4800).Select(i => output[2 * i]).ToArray();
        short[] decodedRight = Enumerable.Range(4800, Rate - 4800).Select(i => output[2 * i + 1]).ToArray();

        Assert.That(SignalMeasure.ToneAmplitude(decodedLeft, 600, Rate), Is.GreaterThan(7000));
        Assert.That(SignalMeasure.ToneAmplitude(decodedLeft, 1500, Rate), Is.LessThan(1000));
        Assert.That(SignalMeasure.ToneAmplitude(decodedRight, 1500, Rate), Is.GreaterThan(7000));
        Assert.That(SignalMeasure.ToneAmplitude(decodedRight, 600, Rate), Is.LessThan(1000));
    }

    [Test]
    public void Lost_packet_is_concealed_with_a_full_frame_continuing_the_tone()
    {
        using var codec = new OpusCodec();
        short[] input = SignalMeasure.Sine(1000, Rate, Frame * 10, amplitude: 12000);
        var payload = new byte[codec.MaxPayloadBytes];
        var pcm = new short[Frame];
        for (int frame = 0; frame < 10; frame++)
        {
            int length = codec.Encode(input.AsSpan(frame * Frame, Frame), payload);
            Assert.That(codec.Decode(payload.AsSpan(0, length), pcm), Is.EqualTo(Frame));
        }

        Array.Clear(pcm);
        Assert.That(codec.Conceal(pcm), Is.EqualTo(Frame));
        Assert.That(SignalMeasure.ToneAmplitude(pcm, 1000, Rate), Is.GreaterThan(3000));
    }

    [Test]
    [Description("RFC 6716 §2.1.7 / RFC 7587 §3.3: in-band FEC carries the previous frame in the next packet")]
    public void Lost_packet_is_recovered_from_the_fec_of_the_next_packet()
    {
        using var codec = new OpusCodec(bitrate: 32000, forwardErrorCorrection: true, expectedPacketLossPercent: 20);
        short[] input = SignalMeasure.Sine(1000, Rate, Frame * 30, amplitude: 12000);
        var packets = new List<byte[]>();
        var payload = new byte[codec.MaxPayloadBytes];
        for (int frame = 0; frame < 30; frame++)
        {
            int length = codec.Encode(input.AsSpan(frame * Frame, Frame), payload);
            packets.Add(payload.AsSpan(0, length).ToArray());
        }

        var pcm = new short[Frame];
        for (int frame = 0; frame < 20; frame++)
        {
            codec.Decode(packets[frame], pcm);
        }

        // Packet 20 is lost: recover it from packet 21, then decode 21 normally.
        Array.Clear(pcm);
        Assert.That(codec.DecodeFec(packets[21], pcm), Is.EqualTo(Frame));
        Assert.That(SignalMeasure.ToneAmplitude(pcm, 1000, Rate), Is.GreaterThan(6000));
        Assert.That(codec.Decode(packets[21], pcm), Is.EqualTo(Frame));
    }

    [Test]
    public void Corrupt_or_empty_input_returns_negative_without_throwing()
    {
        using var codec = new OpusCodec();
        var pcm = new short[Frame];
        var payload = new byte[codec.MaxPayloadBytes];

        Assert.That(codec.Decode(ReadOnlySpan<byte>.Empty, pcm), Is.LessThan(0));
        Assert.That(codec.Encode(new short[100], payload), Is.LessThan(0), "100 samples is not a legal Opus frame size");
        Assert.That(codec.Encode(new short[Frame], Span<byte>.Empty), Is.LessThan(0));
        // TOC config 11 is a 60 ms SILK frame, which does not fit in a 20 ms buffer.
        Assert.That(codec.Decode([0x58, 0x01, 0x02], new short[Frame]), Is.LessThan(0));
        // Code 3 packet announcing zero frames is malformed (RFC 6716 §3.2.5).
        Assert.That(codec.Decode([0x03, 0x00], new short[Frame]), Is.LessThan(0));
    }

    [Test]
    public void Dispose_twice_is_harmless()
    {
        var codec = new OpusCodec();
        codec.Dispose();
        Assert.DoesNotThrow(codec.Dispose);
    }

    private static short[] EncodeDecode(OpusCodec codec, short[] input, int channels)
    {
        var output = new short[input.Length];
        var payload = new byte[codec.MaxPayloadBytes];
        int frameValues = Frame * channels;
        for (int offset = 0; offset < input.Length; offset += frameValues)
        {
            int length = codec.Encode(input.AsSpan(offset, frameValues), payload);
            Assert.That(length, Is.GreaterThan(0), $"encode at {offset}");
            int decoded = codec.Decode(payload.AsSpan(0, length), output.AsSpan(offset, frameValues));
            Assert.That(decoded, Is.EqualTo(Frame), $"decode at {offset}");
        }

        return output;
    }
}
