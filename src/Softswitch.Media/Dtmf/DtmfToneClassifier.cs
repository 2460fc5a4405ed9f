using System.Collections.Concurrent;

namespace Softswitch.Media.Dtmf;

/// <summary>
/// Decides whether one block of 8 kHz samples holds a DTMF tone pair: Goertzel energies at the
/// eight DTMF frequencies, then level, twist, relative-peak, energy-share and second-harmonic checks.
/// </summary>
/// <remarks>
/// Immutable once built (the energies of a block live on the stack), so every call's detector shares one
/// classifier per set of options: its coefficient and leak tables are worked out once, not per call.
/// </remarks>
internal sealed class DtmfToneClassifier
{
    /// <summary>Amplitude of a 0 dBm0 sine in 16-bit linear PCM (G.711: +3.17 dBm0 is full scale).</summary>
    public const double ZeroDbm0Amplitude = 22753;

    private const int SampleRate = 8000;

    private readonly int _blockSize;
    private readonly float[] _toneCoefficients = new float[8];
    private readonly float[] _harmonicCoefficients = new float[8];
    // Q.24 lets a sender's tones be 1.5% off; leak bounds allow a little more.
    private const double FrequencyTolerance = 0.02;

    // _leak[h, t]: the most of tone t's Goertzel magnitude that can show in harmonic bin h
    // (rectangular window), for any tone frequency within the tolerance.
    private readonly double[,] _leak = new double[8, 8];
    private readonly double _minimumEnergy;
    private readonly double _normalTwist;
    private readonly double _reverseTwist;
    private readonly double _relativePeak;
    private readonly double _harmonicRatio;
    private readonly double _energyFraction;
    // Keyed by value (the options are a record); a switch has one set of options, tests a few.
    private static readonly ConcurrentDictionary<InBandDtmfDetectorOptions, DtmfToneClassifier> s_shared = new();

    private DtmfToneClassifier(InBandDtmfDetectorOptions options)
    {
        Options = options;
        _blockSize = options.BlockSize;
        Span<int> tones = stackalloc int[8];
        DtmfDigits.RowFrequencies.CopyTo(tones);
        DtmfDigits.ColumnFrequencies.CopyTo(tones[4..]);
        for (var i = 0; i < 8; i++)
        {
            _toneCoefficients[i] = (float)(2 * Math.Cos(2 * Math.PI * tones[i] / SampleRate));
            _harmonicCoefficients[i] = (float)(2 * Math.Cos(2 * Math.PI * 2 * tones[i] / SampleRate));
            for (var t = 0; t < 8; t++)
            {
                _leak[i, t] = WorstLeak(2 * tones[i], tones[t]);
            }
        }
        var minimumAmplitude = ZeroDbm0Amplitude * Math.Pow(10, options.MinimumToneLevelDbm0 / 20);
        _minimumEnergy = Math.Pow(minimumAmplitude * _blockSize / 2, 2);
        _normalTwist = FromDb(options.MaximumNormalTwistDb);
        _reverseTwist = FromDb(options.MaximumReverseTwistDb);
        _relativePeak = FromDb(options.MinimumRelativePeakDb);
        _harmonicRatio = FromDb(-options.MinimumSecondHarmonicRejectionDb);
        _energyFraction = options.MinimumToneEnergyFraction;
    }

    public InBandDtmfDetectorOptions Options { get; }

    public int BlockSize => _blockSize;

    /// <summary>The classifier for <paramref name="options"/>: the one already built when the options are equal.</summary>
    public static DtmfToneClassifier For(InBandDtmfDetectorOptions options) =>
        s_shared.GetOrAdd(options, static o => new DtmfToneClassifier(o));

    /// <summary>Classifies one block of exactly <see cref="BlockSize"/> samples.</summary>
    public DtmfToneVerdict Classify(ReadOnlySpan<float> block, out DtmfDigit digit)
    {
        digit = default;
        Span<double> energies = stackalloc double[8];
        double total = 0;
        foreach (var sample in block)
        {
            total += sample * sample;
        }
        for (var i = 0; i < 8; i++)
        {
            energies[i] = Goertzel(block, _toneCoefficients[i]);
        }

        var row = Strongest(energies, 0);
        var column = Strongest(energies, 4);
        var rowEnergy = energies[row];
        var columnEnergy = energies[4 + column];
        if (rowEnergy < _minimumEnergy || columnEnergy < _minimumEnergy)
        {
            return DtmfToneVerdict.TooQuiet;
        }
        if (columnEnergy > rowEnergy * _normalTwist)
        {
            return DtmfToneVerdict.NormalTwist;
        }
        if (rowEnergy > columnEnergy * _reverseTwist)
        {
            return DtmfToneVerdict.ReverseTwist;
        }
        if (!StandsOut(energies, 0, row))
        {
            return DtmfToneVerdict.RowNotDominant;
        }
        if (!StandsOut(energies, 4, column))
        {
            return DtmfToneVerdict.ColumnNotDominant;
        }
        // |X|^2 of a tone is A^2 N^2 / 4 while its energy in time is A^2 N / 2.
        if ((rowEnergy + columnEnergy) * 2 / _blockSize < _energyFraction * total)
        {
            return DtmfToneVerdict.Broadband;
        }
        if (HasHarmonic(block, energies, row, row, 4 + column) || HasHarmonic(block, energies, 4 + column, row, 4 + column))
        {
            return DtmfToneVerdict.Harmonic;
        }
        digit = DtmfDigits.FromKeypad(row, column);
        return DtmfToneVerdict.Digit;
    }

    private bool HasHarmonic(ReadOnlySpan<float> block, ReadOnlySpan<double> energies, int tone, int row, int column)
    {
        var harmonic = Math.Sqrt(Goertzel(block, _harmonicCoefficients[tone]));
        // What the pair itself may leak into the harmonic bin is not a harmonic (e.g. 1336 Hz next to
        // 2 x 697 Hz). The bound is coherent and tolerance-wide, so next to a present column the check
        // only catches very strong harmonics; elsewhere it is sharp.
        var expectedLeak = Math.Sqrt(energies[row]) * _leak[tone, row] + Math.Sqrt(energies[column]) * _leak[tone, column];
        var excess = Math.Max(0, harmonic - expectedLeak);
        return excess * excess > energies[tone] * _harmonicRatio;
    }

    private static int Strongest(ReadOnlySpan<double> energies, int first)
    {
        var best = 0;
        for (var i = 1; i < 4; i++)
        {
            if (energies[first + i] > energies[first + best])
            {
                best = i;
            }
        }
        return best;
    }

    private bool StandsOut(ReadOnlySpan<double> energies, int first, int peak)
    {
        for (var i = 0; i < 4; i++)
        {
            if (i != peak && energies[first + i] * _relativePeak > energies[first + peak])
            {
                return false;
            }
        }
        return true;
    }

    private static double Goertzel(ReadOnlySpan<float> block, float coefficient)
    {
        float s1 = 0, s2 = 0;
        foreach (var sample in block)
        {
            var s0 = sample + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return (double)s1 * s1 + (double)s2 * s2 - (double)coefficient * s1 * s2;
    }

    private double WorstLeak(double bin, double tone)
    {
        const int Steps = 40;
        var worst = 0.0;
        for (var step = -Steps; step <= Steps; step++)
        {
            var actual = tone * (1 + FrequencyTolerance * step / Steps);
            worst = Math.Max(worst, Dirichlet(bin - actual) + Dirichlet(bin + actual));
        }
        return worst;
    }

    // Normalised magnitude of the rectangular window's response at an offset of 'hz' from the bin.
    private double Dirichlet(double hz)
    {
        var x = Math.PI * hz / SampleRate;
        var denominator = _blockSize * Math.Sin(x);
        return Math.Abs(denominator) < 1e-12 ? 1 : Math.Abs(Math.Sin(x * _blockSize) / denominator);
    }

    private static double FromDb(double db) => Math.Pow(10, db / 10);
}
