namespace Softswitch.Ivr.Speech;

/// <summary>
/// Changes the sample rate of speech (espeak-ng's 22,050 Hz to the 8 or 16 kHz prompts use) with a linear-phase
/// windowed-sinc low-pass (Blackman window) evaluated as a polyphase filter: one set of taps per fractional
/// position, each normalised to unity gain at DC. The pass band reaches 92.5% of the lower Nyquist frequency
/// (3.7 kHz for 8 kHz output) and the stop band starts at it, about 74 dB down, so nothing folds back audibly.
/// Softswitch.Ivr cannot use the media library's resampler, and this runs once per synthesized sentence.
/// </summary>
internal sealed class SpeechResampler
{
    private readonly int _fromRate;
    private readonly int _toRate;
    private readonly int _step;
    private readonly int _phases;
    private readonly int _halfLength;
    private readonly double[][] _taps;

    public SpeechResampler(int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromRate, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(toRate, 1000);
        _fromRate = fromRate;
        _toRate = toRate;
        int divisor = GreatestCommonDivisor(fromRate, toRate);
        _phases = toRate / divisor;
        _step = fromRate / divisor;

        double nyquist = Math.Min(fromRate, toRate) / 2.0;
        double transition = 0.15 * nyquist;
        double cutoff = (nyquist - (transition / 2)) / fromRate;

        // A Blackman window's full transition band is about 5.5 / length (in cycles per input sample).
        _halfLength = (int)Math.Ceiling(5.5 * fromRate / transition / 2);
        _taps = new double[_phases][];
        for (int phase = 0; phase < _phases; phase++)
        {
            _taps[phase] = PhaseTaps((double)phase / _phases, cutoff);
        }
    }

    /// <summary>Output samples per input second over input samples per second.</summary>
    public int OutputLength(int inputLength) => (int)((long)inputLength * _toRate / _fromRate);

    public short[] Resample(ReadOnlySpan<short> input)
    {
        short[] output = new short[OutputLength(input.Length)];
        for (int n = 0; n < output.Length; n++)
        {
            // Output sample n sits at input position n·from/to = whole + phase/phases.
            long position = (long)n * _step;
            int whole = (int)(position / _phases);
            double[] taps = _taps[position % _phases];
            double sum = 0;
            int first = whole - _halfLength + 1;
            for (int tap = 0; tap < taps.Length; tap++)
            {
                int index = first + tap;
                if ((uint)index < (uint)input.Length)
                {
                    sum += taps[tap] * input[index];
                }
            }

            output[n] = (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
        }

        return output;
    }

    /// <summary>Taps for input samples whole−halfLength+1 … whole+halfLength around a point <paramref name="fraction"/> past whole.</summary>
    private double[] PhaseTaps(double fraction, double cutoff)
    {
        double[] taps = new double[2 * _halfLength];
        double sum = 0;
        for (int tap = 0; tap < taps.Length; tap++)
        {
            double distance = tap - _halfLength + 1 - fraction;
            double window = Blackman((distance + _halfLength) / (2.0 * _halfLength));
            double argument = 2 * cutoff * distance;
            double sinc = Math.Abs(argument) < 1e-12 ? 1 : Math.Sin(Math.PI * argument) / (Math.PI * argument);
            taps[tap] = 2 * cutoff * sinc * window;
            sum += taps[tap];
        }

        for (int tap = 0; tap < taps.Length; tap++)
        {
            taps[tap] /= sum;
        }

        return taps;
    }

    /// <summary>The Blackman window at <paramref name="x"/> in [0, 1] (zero outside).</summary>
    private static double Blackman(double x) =>
        x is < 0 or > 1 ? 0 : 0.42 - (0.5 * Math.Cos(2 * Math.PI * x)) + (0.08 * Math.Cos(4 * Math.PI * x));

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
