using Softswitch.Media.Audio;

namespace Softswitch.Media.Tests.Audio;

public class ResamplerTests
{
    private static readonly object[] RatePairs =
    [
        new object[] { 8000, 16000 }, new object[] { 16000, 8000 },
        new object[] { 8000, 48000 }, new object[] { 48000, 8000 },
        new object[] { 16000, 48000 }, new object[] { 48000, 16000 },
    ];

    [TestCaseSource(nameof(RatePairs))]
    public void A_1_khz_tone_passes_within_1_dB(int inputRate, int outputRate)
    {
        short[] output = ResampleOneShot(inputRate, outputRate, SignalMeasure.Sine(1000, inputRate, inputRate, amplitude: 10000));

        double level = SignalMeasure.ToneAmplitude(Steady(output, outputRate), 1000, outputRate);
        Assert.That(SignalMeasure.Decibels(level / 10000), Is.InRange(-1.0, 1.0));
    }

    [TestCaseSource(nameof(RatePairs))]
    public void A_3_khz_tone_in_the_telephone_band_passes_within_1_dB(int inputRate, int outputRate)
    {
        short[] output = ResampleOneShot(inputRate, outputRate, SignalMeasure.Sine(3000, inputRate, inputRate, amplitude: 10000));

        double level = SignalMeasure.ToneAmplitude(Steady(output, outputRate), 3000, outputRate);
        Assert.That(SignalMeasure.Decibels(level / 10000), Is.InRange(-1.0, 1.0));
    }

    [TestCase(48000, 8000, 6000)]
    [TestCase(48000, 8000, 4800)]
    [TestCase(16000, 8000, 5000)]
    [TestCase(48000, 16000, 10000)]
    public void A_tone_above_the_new_nyquist_is_attenuated_by_at_least_60_dB(int inputRate, int outputRate, int frequency)
    {
        short[] output = ResampleOneShot(inputRate, outputRate, SignalMeasure.Sine(frequency, inputRate, inputRate, amplitude: 20000));

        // Whatever is left aliases somewhere below the new Nyquist: measure everything that comes out.
        double rms = SignalMeasure.Rms(Steady(output, outputRate));
        double inputRms = 20000 / Math.Sqrt(2);
        Assert.That(SignalMeasure.Decibels(rms / inputRms), Is.LessThanOrEqualTo(-60));
    }

    [TestCase(8000, 48000)]
    [TestCase(8000, 16000)]
    public void Interpolation_images_are_attenuated_by_at_least_60_dB(int inputRate, int outputRate)
    {
        short[] output = ResampleOneShot(inputRate, outputRate, SignalMeasure.Sine(1000, inputRate, inputRate, amplitude: 20000));

        // Zero-stuffing mirrors 1 kHz around 8 kHz: the image would sit at 7 kHz.
        double image = SignalMeasure.ToneAmplitude(Steady(output, outputRate), 7000, outputRate);
        Assert.That(SignalMeasure.Decibels(image / 20000), Is.LessThanOrEqualTo(-60));
    }

    [TestCaseSource(nameof(RatePairs))]
    public void Frame_by_frame_output_equals_one_shot_output(int inputRate, int outputRate)
    {
        short[] input = Noise(inputRate / 2, seed: 7);
        short[] oneShot = ResampleOneShot(inputRate, outputRate, input);

        var resampler = new Resampler(inputRate, outputRate);
        var streamed = new List<short>();
        var frameOutput = new short[outputRate / 50 + 8];
        int frameLength = inputRate / 50;
        for (int offset = 0; offset < input.Length; offset += frameLength)
        {
            int written = resampler.Process(input.AsSpan(offset, Math.Min(frameLength, input.Length - offset)), frameOutput);
            Assert.That(written, Is.EqualTo(outputRate / 50), "every 20 ms frame gives exactly 20 ms");
            streamed.AddRange(frameOutput.AsSpan(0, written).ToArray());
        }

        Assert.That(streamed, Is.EqualTo(oneShot));
    }

    [TestCase(8000, 48000)]
    [TestCase(48000, 8000)]
    [TestCase(44100, 8000)]
    [TestCase(8000, 11025)]
    public void Uneven_chunks_give_the_one_shot_result_and_exact_total_length(int inputRate, int outputRate)
    {
        short[] input = Noise(4321, seed: 3);
        short[] oneShot = ResampleOneShot(inputRate, outputRate, input);

        var resampler = new Resampler(inputRate, outputRate);
        var streamed = new List<short>();
        var buffer = new short[8000];
        int[] chunkSizes = [1, 7, 160, 0, 333, 2, 999];
        int offset = 0;
        for (int k = 0; offset < input.Length; k++)
        {
            int length = Math.Min(chunkSizes[k % chunkSizes.Length], input.Length - offset);
            int expected = resampler.GetOutputLength(length);
            int written = resampler.Process(input.AsSpan(offset, length), buffer);
            Assert.That(written, Is.EqualTo(expected));
            streamed.AddRange(buffer.AsSpan(0, written).ToArray());
            offset += length;
        }

        long total = ((long)input.Length * outputRate + inputRate - 1) / inputRate;
        Assert.That(oneShot, Has.Length.EqualTo(total), "ceil(inputs × out / in)");
        Assert.That(streamed, Is.EqualTo(oneShot));
    }

    [Test]
    public void Same_rate_is_an_exact_copy()
    {
        short[] input = Noise(500, seed: 1);
        Assert.That(ResampleOneShot(16000, 16000, input), Is.EqualTo(input));
    }

    [Test]
    public void Too_small_output_buffer_is_a_programming_error()
    {
        var resampler = new Resampler(8000, 48000);
        Assert.Throws<ArgumentException>(() => resampler.Process(new short[160], new short[959]));
    }

    [Test]
    public void Reset_makes_the_next_stream_independent_of_the_previous_one()
    {
        short[] input = Noise(960, seed: 5);
        var resampler = new Resampler(48000, 8000);
        var first = new short[160];
        var second = new short[160];

        resampler.Process(Noise(960, seed: 9), first);
        resampler.Reset();
        resampler.Process(input, second);

        Assert.That(second, Is.EqualTo(ResampleOneShot(48000, 8000, input)));
    }

    [Test]
    public void Steady_state_processing_does_not_allocate()
    {
        var resampler = new Resampler(8000, 48000);
        var input = SignalMeasure.Sine(440, 8000, 160);
        var output = new short[960];
        resampler.Process(input, output);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int frame = 0; frame < 200; frame++)
        {
            resampler.Process(input, output);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
    }

    private static short[] ResampleOneShot(int inputRate, int outputRate, short[] input)
    {
        var resampler = new Resampler(inputRate, outputRate);
        var output = new short[resampler.GetOutputLength(input.Length)];
        Assert.That(resampler.Process(input, output), Is.EqualTo(output.Length));
        return output;
    }

    /// <summary>Skips the filter's start-up (first 50 ms) and keeps a whole number of 1 kHz periods.</summary>
    private static ReadOnlySpan<short> Steady(short[] output, int rate) => output.AsSpan(rate / 20, rate / 2);

    private static short[] Noise(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (short)random.Next(-12000, 12000)).ToArray();
    }
}
