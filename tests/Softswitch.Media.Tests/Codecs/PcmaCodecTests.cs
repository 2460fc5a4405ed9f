using Softswitch.Media.Codecs;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Codecs;

public class PcmaCodecTests
{
    [Test]
    [Description("RFC 3551 §4.5.14 and table 4: PCMA is payload type 8, 8000 Hz, 1 channel")]
    public void Describes_pcma_at_8_khz_with_20_ms_frames()
    {
        IAudioCodec codec = PcmaCodec.Instance;
        Assert.That((codec.Name, codec.ClockRate, codec.SampleRate, codec.Channels, codec.FrameSamples, codec.SupportsConcealment),
            Is.EqualTo(("PCMA", 8000, 8000, 1, 160, false)));
        Assert.That(PcmaCodec.PayloadType, Is.EqualTo(8));
    }

    [Test]
    public void Silence_encodes_to_0xD5_and_decodes_near_zero()
    {
        var payload = new byte[160];
        var decoded = new short[160];

        PcmaCodec.Instance.Encode(new short[160], payload);
        PcmaCodec.Instance.Decode(payload, decoded);

        Assert.That(payload, Is.All.EqualTo((byte)0xD5));
        Assert.That(decoded, Is.All.EqualTo((short)8));
    }

    [Test]
    public void Tone_survives_a_round_trip_with_its_level()
    {
        short[] tone = SignalMeasure.Sine(1000, 8000, 8000, amplitude: 10000);
        var payload = new byte[tone.Length];
        var decoded = new short[tone.Length];

        PcmaCodec.Instance.Encode(tone, payload);
        PcmaCodec.Instance.Decode(payload, decoded);

        double level = SignalMeasure.ToneAmplitude(decoded, 1000, 8000);
        Assert.That(level, Is.EqualTo(10000).Within(100));
    }
}
