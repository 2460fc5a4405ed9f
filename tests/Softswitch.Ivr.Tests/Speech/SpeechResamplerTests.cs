using Softswitch.Ivr.Speech;

namespace Softswitch.Ivr.Tests.Speech;

public sealed class SpeechResamplerTests
{
    private static short[] Sine(double hertz, int rate, double seconds, double amplitude = 10000) =>
        Enumerable.Range(0, (int)(rate * seconds)).Select(n => (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * hertz * n / rate))).ToArray();

    /// <summary>RMS of the middle half, away from the edges where the filter sees zeros.</summary>
    private static double MiddleRms(short[] samples)
    {
        var middle = samples.AsSpan(samples.Length / 4, samples.Length / 2);
        double sum = 0;
        foreach (short sample in middle)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / middle.Length);
    }

    private static double GainDb(double hertz, int from, int to)
    {
        short[] input = Sine(hertz, from, 1.0);
        short[] output = new SpeechResampler(from, to).Resample(input);
        return 20 * Math.Log10(Math.Max(MiddleRms(output), 1e-9) / MiddleRms(input));
    }

    [TestCase(300, 22050, 8000)]
    [TestCase(1000, 22050, 8000)]
    [TestCase(3400, 22050, 8000)]
    [TestCase(1000, 22050, 16000)]
    [TestCase(7000, 22050, 16000)]
    [TestCase(1000, 8000, 16000)]
    public void Speech_band_tones_keep_their_level(int hertz, int from, int to)
    {
        Assert.That(GainDb(hertz, from, to), Is.InRange(-0.3, 0.3));
    }

    [TestCase(4200, 22050, 8000)]
    [TestCase(5000, 22050, 8000)]
    [TestCase(9000, 22050, 8000)]
    [TestCase(8300, 22050, 16000)]
    [TestCase(10000, 22050, 16000)]
    public void Tones_above_the_new_nyquist_frequency_do_not_fold_back(int hertz, int from, int to)
    {
        Assert.That(GainDb(hertz, from, to), Is.LessThan(-60));
    }

    [TestCase(22050, 8000, 22050, 8000)]
    [TestCase(22050, 16000, 44100, 32000)]
    [TestCase(22050, 8000, 1000, 362)]
    public void The_output_has_the_length_of_the_same_duration_at_the_new_rate(int from, int to, int inputLength, int expected)
    {
        Assert.That(new SpeechResampler(from, to).Resample(new short[inputLength]), Has.Length.EqualTo(expected));
    }

    [Test]
    public void A_steady_level_stays_the_same_level()
    {
        short[] output = new SpeechResampler(22050, 8000).Resample(Enumerable.Repeat((short)12345, 22050).ToArray());

        Assert.That(output.Skip(100).Take(output.Length - 200), Is.All.InRange(12344, 12346));
    }

    [Test]
    public void A_full_scale_step_clips_at_its_overshoot_instead_of_wrapping_around()
    {
        short[] step = Enumerable.Range(0, 22050).Select(n => n < 11025 ? short.MinValue : short.MaxValue).ToArray();

        short[] output = new SpeechResampler(22050, 8000).Resample(step);

        // The step is at output sample 4000; the filter's overshoot beside it goes past full scale.
        Assert.That(output[..3998], Is.All.LessThan(0));
        Assert.That(output[4002..], Is.All.GreaterThan(0));
        Assert.That(output.Max(), Is.EqualTo(short.MaxValue));
        Assert.That(output.Min(), Is.EqualTo(short.MinValue));
    }
}
