using Softswitch.Media.Audio;

namespace Softswitch.Media.Tests.Audio;

public class ToneGeneratorTests
{
    [TestCase(8000)]
    [TestCase(16000)]
    [TestCase(48000)]
    public void Dial_tone_has_its_frequency_and_level(int rate)
    {
        short[] samples = Generate(CallProgressTones.DialToneEurope, rate, seconds: 1);

        double expected = short.MaxValue * Math.Pow(10, (-13 - 3.17) / 20);
        Assert.That(SignalMeasure.ToneAmplitude(samples, 425, rate), Is.EqualTo(expected).Within(expected * 0.01));
        Assert.That(SignalMeasure.ToneAmplitude(samples, 475, rate), Is.LessThan(expected * 0.01), "no energy 50 Hz away");
    }

    [Test]
    [Description("ITU-T G.711: a sine at the codec's full scale is +3.17 dBm0, so 0 dBm0 peaks 3.17 dB lower")]
    public void Level_zero_dbm0_is_3_17_dB_below_full_scale()
    {
        short[] samples = Generate(new TonePattern(1004, 0, 0), 8000, seconds: 1);

        double peak = samples.Max(sample => Math.Abs((int)sample));
        Assert.That(SignalMeasure.Decibels(peak / short.MaxValue), Is.EqualTo(-3.17).Within(0.05));
    }

    [Test]
    public void Us_ringback_contains_both_frequencies()
    {
        short[] samples = Generate(CallProgressTones.RingbackUs, 8000, seconds: 1);

        double component = CallProgressTones.RingbackUs.Amplitude;
        Assert.That(SignalMeasure.ToneAmplitude(samples, 440, 8000), Is.EqualTo(component).Within(component * 0.02));
        Assert.That(SignalMeasure.ToneAmplitude(samples, 480, 8000), Is.EqualTo(component).Within(component * 0.02));
        Assert.That(SignalMeasure.ToneAmplitude(samples, 425, 8000), Is.LessThan(component * 0.1));
    }

    [TestCase(8000)]
    [TestCase(48000)]
    public void Europe_ringback_is_one_second_on_four_seconds_off(int rate)
    {
        AssertCadence(CallProgressTones.RingbackEurope, rate, seconds: 11, onFrames: 50, offFrames: 200);
    }

    [Test]
    public void Us_ringback_is_two_seconds_on_four_seconds_off() =>
        AssertCadence(CallProgressTones.RingbackUs, 16000, seconds: 13, onFrames: 100, offFrames: 200);

    [Test]
    public void Busy_is_half_a_second_on_half_a_second_off() =>
        AssertCadence(CallProgressTones.BusyEurope, 8000, seconds: 4, onFrames: 25, offFrames: 25);

    [Test]
    public void Tone_switches_on_and_off_at_the_exact_sample()
    {
        var generator = new ToneGenerator(new TonePattern(1000, 0, -10, 3, 2), 8000);
        var samples = new short[80];
        generator.Fill(samples);

        // 3 ms on = 24 samples, 2 ms off = 16 samples, repeating.
        Assert.That(samples[24..40], Is.All.EqualTo((short)0));
        Assert.That(samples[64..80], Is.All.EqualTo((short)0));
        // 1 kHz at 8 kHz crosses zero every fourth sample: 18 of 24 samples are non-zero.
        Assert.That(samples[0..24].Count(sample => sample != 0), Is.EqualTo(18));
        Assert.That(samples[40..64].Count(sample => sample != 0), Is.EqualTo(18));
    }

    [Test]
    public void Frames_of_20_ms_join_with_continuous_phase()
    {
        short[] oneShot = new short[8000];
        new ToneGenerator(CallProgressTones.BusyUs, 8000).Fill(oneShot);

        short[] framed = Generate(CallProgressTones.BusyUs, 8000, seconds: 1);

        Assert.That(framed, Is.EqualTo(oneShot));
    }

    [Test]
    public void Reset_starts_the_pattern_again()
    {
        var generator = new ToneGenerator(CallProgressTones.RingbackEurope, 8000);
        var first = new short[160];
        var again = new short[160];
        generator.Fill(first);
        generator.Fill(new short[3000]);
        generator.Reset();
        generator.Fill(again);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(generator.Position, Is.EqualTo(160));
    }

    [Test]
    public void Frequencies_above_nyquist_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => _ = new ToneGenerator(new TonePattern(5000, 0, -10), 8000));
        Assert.Throws<ArgumentException>(() => _ = new TonePattern(425, 0, -10, 1000));
    }

    [Test]
    public void Generating_frames_does_not_allocate()
    {
        var generator = new ToneGenerator(CallProgressTones.RingbackUs, 48000);
        var frame = new short[generator.FrameSamples];
        generator.Fill(frame);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++)
        {
            generator.Fill(frame);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
    }

    private static void AssertCadence(TonePattern pattern, int rate, int seconds, int onFrames, int offFrames)
    {
        short[] samples = Generate(pattern, rate, seconds);
        int frame = rate / 50;
        double component = pattern.Amplitude;
        for (int index = 0; index < samples.Length / frame; index++)
        {
            bool expectedOn = index % (onFrames + offFrames) < onFrames;
            double level = SignalMeasure.ToneAmplitude(samples.AsSpan(index * frame, frame), pattern.Frequency1, rate);
            if (expectedOn)
            {
                Assert.That(level, Is.GreaterThan(component * 0.8), $"frame {index} should sound");
            }
            else
            {
                Assert.That(SignalMeasure.Rms(samples.AsSpan(index * frame, frame)), Is.EqualTo(0), $"frame {index} should be silent");
            }
        }
    }

    private static short[] Generate(TonePattern pattern, int rate, int seconds)
    {
        var generator = new ToneGenerator(pattern, rate);
        var samples = new short[rate * seconds];
        for (int offset = 0; offset < samples.Length; offset += generator.FrameSamples)
        {
            generator.Fill(samples.AsSpan(offset, generator.FrameSamples));
        }

        return samples;
    }
}
