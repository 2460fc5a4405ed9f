using Softswitch.Media.Audio;
using Softswitch.Media.Tests.Audio;

namespace Softswitch.Media.Tests.Recording;

/// <summary>A stereo recording read back and split into its left (received) and right (sent) channels.</summary>
internal sealed class RecordedChannels
{
    private RecordedChannels(WavFormat format, short[] left, short[] right)
    {
        Format = format;
        Left = left;
        Right = right;
    }

    public WavFormat Format { get; }

    public short[] Left { get; }

    public short[] Right { get; }

    public int FrameSamples => Format.SampleRate / 50;

    public int Frames => Left.Length / FrameSamples;

    public static RecordedChannels Read(string path) => From(WavReader.ReadAll(path));

    public static RecordedChannels From(WavAudio audio)
    {
        Assert.That(audio.Format.Channels, Is.EqualTo(2), "a call recording is stereo");
        int frames = audio.Samples.Length / 2;
        var left = new short[frames];
        var right = new short[frames];
        for (int i = 0; i < frames; i++)
        {
            left[i] = audio.Samples[2 * i];
            right[i] = audio.Samples[(2 * i) + 1];
        }

        return new RecordedChannels(audio.Format, left, right);
    }

    /// <summary>The samples of 20 ms frame <paramref name="index"/> of a channel.</summary>
    public ReadOnlySpan<short> Frame(short[] channel, int index) => channel.AsSpan(index * FrameSamples, FrameSamples);

    public double Tone(ReadOnlySpan<short> samples, double frequency) => SignalMeasure.ToneAmplitude(samples, frequency, Format.SampleRate);
}
