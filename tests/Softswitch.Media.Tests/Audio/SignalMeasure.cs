namespace Softswitch.Media.Tests.Audio;

/// <summary>Measurements for audio assertions: Goertzel single-bin power, RMS, synthetic sines.</summary>
internal static class SignalMeasure
{
    /// <summary>Amplitude of the <paramref name="frequency"/> component (a full-scale sine of amplitude A reads ≈ A).</summary>
    public static double ToneAmplitude(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0, beforePrevious = 0;
        foreach (short sample in samples)
        {
            double current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return 2 * Math.Sqrt(Math.Max(power, 0)) / samples.Length;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short sample in samples)
        {
            sum += (double)sample * sample;
        }

        return samples.IsEmpty ? 0 : Math.Sqrt(sum / samples.Length);
    }

    public static short[] Sine(double frequency, int sampleRate, int count, double amplitude = 16000, int channels = 1)
    {
        var samples = new short[count * channels];
        for (int i = 0; i < count; i++)
        {
            short value = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
            for (int channel = 0; channel < channels; channel++)
            {
                samples[i * channels + channel] = value;
            }
        }

        return samples;
    }

    public static double Decibels(double ratio) => 20 * Math.Log10(ratio);
}
