using System.Collections.Concurrent;

namespace Softswitch.Media.Audio;

/// <summary>
/// A Kaiser-windowed sinc low-pass for a rational rate change L/M, split into L polyphase branches. Immutable and
/// cached per rate pair, so every call resampling 8→48 kHz shares one set of coefficients.
/// </summary>
internal sealed class PolyphaseFilterBank
{
    // 80 dB design target leaves margin over the 60 dB stopband we promise.
    private const double StopbandAttenuationDb = 80;

    // Passband up to 43 % and stopband from 57 % of the lower rate: 3.44 kHz / 4.56 kHz for telephony 8 kHz,
    // so nothing audible aliases into the 300-3400 Hz band.
    private const double PassbandFraction = 0.43;
    private const double StopbandFraction = 0.57;

    private static readonly ConcurrentDictionary<(int Interpolation, int Decimation, int LowRate), PolyphaseFilterBank> Cache = new();

    private readonly float[] _coefficients;

    private PolyphaseFilterBank(int interpolation, int decimation, int inputRate, int outputRate)
    {
        Interpolation = interpolation;
        Decimation = decimation;

        double upsampledRate = (double)inputRate * interpolation;
        double lowRate = Math.Min(inputRate, outputRate);
        double transition = (StopbandFraction - PassbandFraction) * lowRate / upsampledRate;
        double cutoff = 0.5 * (PassbandFraction + StopbandFraction) * lowRate / upsampledRate;

        // Kaiser's formulas for the window shape and the length needed for the attenuation and transition width.
        double beta = 0.1102 * (StopbandAttenuationDb - 8.7);
        int minimumLength = (int)Math.Ceiling((StopbandAttenuationDb - 8) / (2.285 * 2 * Math.PI * transition)) + 1;
        TapsPerPhase = (minimumLength + interpolation - 1) / interpolation;
        int length = TapsPerPhase * interpolation;

        var prototype = new double[length];
        double centre = (length - 1) / 2.0;
        double besselBeta = BesselI0(beta);
        double sum = 0;
        for (int n = 0; n < length; n++)
        {
            double x = n - centre;
            double sinc = x == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            double ratio = 2 * n / (double)(length - 1) - 1;
            double window = BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - ratio * ratio))) / besselBeta;
            prototype[n] = sinc * window;
            sum += prototype[n];
        }

        // Branch p holds taps p, p+L, p+2L... reversed, so a forward dot product with the oldest-first input
        // window computes the convolution; the gain of L restores the level lost to zero-stuffing.
        _coefficients = new float[length];
        double gain = interpolation / sum;
        for (int phase = 0; phase < interpolation; phase++)
        {
            for (int i = 0; i < TapsPerPhase; i++)
            {
                _coefficients[phase * TapsPerPhase + (TapsPerPhase - 1 - i)] = (float)(prototype[phase + i * interpolation] * gain);
            }
        }

        DelaySeconds = centre / upsampledRate;
    }

    /// <summary>Up-sampling factor L.</summary>
    public int Interpolation { get; }

    /// <summary>Down-sampling factor M.</summary>
    public int Decimation { get; }

    /// <summary>Taps in each polyphase branch, i.e. input samples each output depends on.</summary>
    public int TapsPerPhase { get; }

    /// <summary>Group delay of the linear-phase filter.</summary>
    public double DelaySeconds { get; }

    public static PolyphaseFilterBank For(int inputRate, int outputRate)
    {
        int divisor = GreatestCommonDivisor(inputRate, outputRate);
        int interpolation = outputRate / divisor;
        int decimation = inputRate / divisor;
        int lowRate = Math.Min(inputRate, outputRate);
        return Cache.GetOrAdd((interpolation, decimation, lowRate), _ => new PolyphaseFilterBank(interpolation, decimation, inputRate, outputRate));
    }

    /// <summary>Coefficients of one branch, ordered to multiply the oldest-first input window.</summary>
    public ReadOnlySpan<float> Phase(int phase) => _coefficients.AsSpan(phase * TapsPerPhase, TapsPerPhase);

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>Zeroth-order modified Bessel function of the first kind (power series), for the Kaiser window.</summary>
    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, halfX = x / 2;
        for (int k = 1; k < 50 && term > 1e-12 * sum; k++)
        {
            term *= halfX / k * (halfX / k);
            sum += term;
        }

        return sum;
    }
}
