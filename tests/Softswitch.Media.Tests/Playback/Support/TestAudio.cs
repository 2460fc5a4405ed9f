using Softswitch.Media.Audio;
using Softswitch.Media.Codecs;
using Softswitch.Media.Playback;

namespace Softswitch.Media.Tests.Playback.Support;

/// <summary>Builds encoded audio and WAV files for playback tests, and decodes encoded audio back to PCM.</summary>
internal static class TestAudio
{
    /// <summary>PCMU-like audio whose frame i of prompt <paramref name="id"/> is the bytes [id, i low, i high, ...].</summary>
    public static EncodedAudio Numbered(byte id, int frames, string encodingName = "PCMU", int clockRate = 8000)
    {
        var payloads = new byte[frames][];
        for (int i = 0; i < frames; i++)
        {
            payloads[i] = new byte[clockRate / 50];
            payloads[i][0] = id;
            payloads[i][1] = (byte)i;
            payloads[i][2] = (byte)(i >> 8);
        }

        return new EncodedAudio(encodingName, clockRate, payloads, $"numbered {id}");
    }

    public static void WriteWav(string path, int sampleRate, short[] samples, int channels = 1)
    {
        using var writer = new WavWriter(path, sampleRate, channels);
        writer.Write(samples);
    }

    /// <summary>Decodes every frame with <paramref name="codec"/> into one mono PCM array.</summary>
    public static short[] Decode(EncodedAudio audio, IAudioCodec codec)
    {
        var pcm = new List<short>();
        var frame = new short[codec.FrameSamples * codec.Channels];
        for (int i = 0; i < audio.FrameCount; i++)
        {
            int decoded = codec.Decode(audio.GetFrame(i), frame);
            Assert.That(decoded, Is.EqualTo(codec.FrameSamples), $"frame {i} did not decode");
            pcm.AddRange(frame.AsSpan(0, decoded));
        }

        return pcm.ToArray();
    }
}
