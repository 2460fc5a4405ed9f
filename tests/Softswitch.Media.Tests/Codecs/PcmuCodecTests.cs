using Softswitch.Media.Codecs;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Codecs;

public class PcmuCodecTests
{
    [Test]
    [Description("RFC 3551 §4.5.14 and table 4: PCMU is payload type 0, 8000 Hz, 1 channel")]
    public void Describes_pcmu_at_8_khz_with_20_ms_frames()
    {
        IAudioCodec codec = PcmuCodec.Instance;
        Assert.That((codec.Name, codec.ClockRate, codec.SampleRate, codec.Channels, codec.FrameSamples, codec.MaxPayloadBytes),
            Is.EqualTo(("PCMU", 8000, 8000, 1, 160, 160)));
        Assert.That(PcmuCodec.PayloadType, Is.EqualTo(0));
    }

    [Test]
    public void Frame_round_trips_within_quantisation_error()
    {
        short[] frame = SignalMeasure.Sine(1000, 8000, 160, amplitude: 20000);
        var payload = new byte[160];
        var decoded = new short[160];

        Assert.That(PcmuCodec.Instance.Encode(frame, payload), Is.EqualTo(160));
        Assert.That(PcmuCodec.Instance.Decode(payload, decoded), Is.EqualTo(160));
        for (int i = 0; i < frame.Length; i++)
        {
            // Segment 7 steps are 1024 apart, so the error is at most half a step.
            Assert.That(Math.Abs(decoded[i] - frame[i]), Is.LessThanOrEqualTo(512), $"sample {i}");
        }
    }

    [Test]
    public void Too_small_buffers_are_rejected_without_throwing()
    {
        Assert.That(PcmuCodec.Instance.Encode(new short[160], new byte[159]), Is.EqualTo(-1));
        Assert.That(PcmuCodec.Instance.Decode(new byte[160], new short[100]), Is.EqualTo(-1));
        Assert.That(PcmuCodec.Instance.Conceal(new short[160]), Is.EqualTo(0));
    }
}
