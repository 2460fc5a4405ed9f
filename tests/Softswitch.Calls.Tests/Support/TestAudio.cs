using Softswitch.Media.Codecs;

namespace Softswitch.Calls.Tests.Support;

/// <summary>Test signals at 8 kHz: sines, their G.711 frames, and how strong one frequency is in a signal.</summary>
internal static class TestAudio
{
    public const int SampleRate = 8000;

    /// <summary>Samples of 20 ms at 8 kHz: one RTP frame of PCMU.</summary>
    public const int FrameSamples = 160;

    public static short[] Sine(double hertz, int samples, int startSample = 0, double amplitude = 8000)
    {
        var result = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            result[i] = (short)(amplitude * Math.Sin(2 * Math.PI * hertz * (startSample + i) / SampleRate));
        }

        return result;
    }

    /// <summary>Frame number <paramref name="index"/> of a continuous sine, as PCMU.</summary>
    public static byte[] PcmuSineFrame(double hertz, int index)
    {
        var codes = new byte[FrameSamples];
        MuLaw.Encode(Sine(hertz, FrameSamples, index * FrameSamples), codes);
        return codes;
    }

    /// <summary>
    /// The share of <paramref name="samples"/>' energy at <paramref name="hertz"/> (Goertzel), 0..1: near 1 for a pure
    /// tone of that frequency, near 0 when it is absent.
    /// </summary>
    public static double ShareAt(ReadOnlySpan<short> samples, double hertz)
    {
        if (samples.Length == 0) return 0;
        var coefficient = 2 * Math.Cos(2 * Math.PI * hertz / SampleRate);
        double previous = 0, beforePrevious = 0, total = 0;
        foreach (var sample in samples)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
            total += (double)sample * sample;
        }

        if (total == 0) return 0;
        var power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        // A pure sine of N samples gives power N²A²/4 and energy NA²/2: scale so that it reads 1.
        return power * 2 / (samples.Length * total);
    }

    /// <summary>Root mean square of <paramref name="samples"/>.</summary>
    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.Length == 0) return 0;
        double sum = 0;
        foreach (var sample in samples) sum += (double)sample * sample;
        return Math.Sqrt(sum / samples.Length);
    }
}
