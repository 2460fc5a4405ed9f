using Softswitch.Media.Dtmf;

namespace Softswitch.Media.Tests.Dtmf.Support;

/// <summary>Builds 8 kHz 16-bit test audio: DTMF pairs, silence, extra tones and white noise.</summary>
internal sealed class ToneSignal
{
    public const int SampleRate = 8000;

    /// <summary>Amplitude of a -10 dBm0 sine (0 dBm0 = 22753 in 16-bit PCM).</summary>
    public static readonly double Minus10Dbm0 = Dbm0(-10);

    private readonly List<double> _samples = [];

    public static double Dbm0(double level) => 22753 * Math.Pow(10, level / 20);

    public int Length => _samples.Count;

    public ToneSignal Digit(DtmfDigit digit, int milliseconds, double rowAmplitude, double columnAmplitude)
    {
        var (row, column) = digit.Frequencies();
        return Tones(milliseconds, (row, rowAmplitude), (column, columnAmplitude));
    }

    public ToneSignal Digit(DtmfDigit digit, int milliseconds) => Digit(digit, milliseconds, Minus10Dbm0, Minus10Dbm0);

    public ToneSignal Tones(int milliseconds, params (double Hz, double Amplitude)[] tones)
    {
        var count = Samples(milliseconds);
        var start = _samples.Count;
        for (var n = 0; n < count; n++)
        {
            double value = 0;
            foreach (var (hz, amplitude) in tones)
            {
                // Phase runs from the start of the whole signal so a tone has no artificial alignment.
                value += amplitude * Math.Sin(2 * Math.PI * hz * (start + n) / SampleRate);
            }
            _samples.Add(value);
        }
        return this;
    }

    public ToneSignal Silence(int milliseconds)
    {
        _samples.AddRange(Enumerable.Repeat(0.0, Samples(milliseconds)));
        return this;
    }

    /// <summary>Adds Gaussian white noise whose power is <paramref name="snrDb"/> below the given signal power.</summary>
    public ToneSignal WithNoise(double signalPower, double snrDb, int seed)
    {
        var sigma = Math.Sqrt(signalPower / Math.Pow(10, snrDb / 10));
        var random = new Random(seed);
        for (var i = 0; i < _samples.Count; i++)
        {
            // Box-Muller.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            _samples[i] += sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
        return this;
    }

    /// <summary>Power of a -10 dBm0 pair (two sines): A^2/2 each.</summary>
    public static double PairPower(double amplitude) => amplitude * amplitude;

    public short[] ToPcm() => [.. _samples.Select(s => (short)Math.Clamp(Math.Round(s), short.MinValue, short.MaxValue))];

    private static int Samples(int milliseconds) => milliseconds * SampleRate / 1000;
}
