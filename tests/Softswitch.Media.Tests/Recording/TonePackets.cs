using Softswitch.Media.Codecs;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Recording;

/// <summary>
/// A sine encoded into consecutive 20 ms RTP payloads, with sequence numbers that wrap past 65535 and timestamps
/// that advance one frame per packet; all encoded up front so delivering them allocates nothing.
/// </summary>
internal sealed class TonePackets
{
    private readonly byte[][] _payloads;
    private readonly ushort _firstSequence;
    private readonly uint _firstTimestamp;
    private readonly int _frameSamples;

    public TonePackets(IAudioCodec encoder, double frequency, int count, ushort firstSequence = 65500, uint firstTimestamp = 4_294_960_000, double amplitude = 8000)
    {
        _firstSequence = firstSequence;
        _firstTimestamp = firstTimestamp;
        _frameSamples = encoder.FrameSamples;
        short[] signal = SignalMeasure.Sine(frequency, encoder.SampleRate, count * _frameSamples, amplitude);
        _payloads = new byte[count][];
        var payload = new byte[encoder.MaxPayloadBytes];
        for (int i = 0; i < count; i++)
        {
            int length = encoder.Encode(signal.AsSpan(i * _frameSamples, _frameSamples), payload);
            Assert.That(length, Is.GreaterThan(0), "encoding the test tone");
            _payloads[i] = payload.AsSpan(0, length).ToArray();
        }
    }

    public int Count => _payloads.Length;

    public byte[] Payload(int index) => _payloads[index];

    public ushort Sequence(int index) => (ushort)(_firstSequence + index);

    public uint Timestamp(int index) => unchecked(_firstTimestamp + (uint)(index * _frameSamples));

    /// <summary>What a G.711 decoder makes of packets first..first+count, back to back.</summary>
    public short[] Decoded(IAudioCodec decoder, int first, int count)
    {
        var pcm = new short[count * _frameSamples];
        for (int i = 0; i < count; i++)
        {
            decoder.Decode(_payloads[first + i], pcm.AsSpan(i * _frameSamples, _frameSamples));
        }

        return pcm;
    }
}
