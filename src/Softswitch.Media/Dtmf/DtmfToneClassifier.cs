namespace Softswitch.Media.Dtmf;

/// <summary>
/// Decides whether one block of 8 kHz samples holds a DTMF tone pair: Goertzel energies at the
/// eight DTMF frequencies, then level, twist, relative-peak, energy-share and second-harmonic checks.
/// </summary>
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
    private readonly double[] _energies = new double[8];

    public DtmfToneClassifier(InBandDtmfDetectorOptions options)
    {
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

    public int BlockSize => _blockSize;

    /// <summary>Classifies one block of exactly <see cref="BlockSize"/> samples.</summary>
    public DtmfToneVerdict Classify(ReadOnlySpan<float> block, out DtmfDigit digit)
    {
        digit = default;
        double total = 0;
        foreach (var sample in block)
        {
            total += sample * sample;
        }
        for (var i = 0; i < 8; i++)
        {
            _energies[i] = Goertzel(block, _toneCoefficients[i]);
        }

        var row = Strongest(0);
        var column = Strongest(4);
        var rowEnergy = _energies[row];
        var columnEnergy = _energies[4 + column];
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
        if (!StandsOut(0, row))
        {
            return DtmfToneVerdict.RowNotDominant;
        }
        if (!StandsOut(4, column))
        {
            return DtmfToneVerdict.ColumnNotDominant;
        }
        // |X|^2 of a tone is A^2 N^2 / 4 while its energy in time is A^2 N / 2.
        if ((rowEnergy + columnEnergy) * 2 / _blockSize < _energyFraction * total)
        {
            return DtmfToneVerdict.Broadband;
        }
        if (HasHarmonic(block, row, row, 4 + column) || HasHarmonic(block, 4 + column, row, 4 + column))
        {
            return DtmfToneVerdict.Harmonic;
        }
        digit = DtmfDigits.FromKeypad(row, column);
        return DtmfToneVerdict.Digit;
    }

    private bool HasHarmonic(ReadOnlySpan<float> block, int tone, int row, int column)
    {
        var harmonic = Math.Sqrt(Goertzel(block, _harmonicCoefficients[tone]));
        // What the pair itself may leak into the harmonic bin is not a harmonic (e.g. 1336 Hz next to
        // 2 x 697 Hz). The bound is coherent and tolerance-wide, so next to a present column the check
        // only catches very strong harmonics; elsewhere it is sharp.
        var expectedLeak = Math.Sqrt(_energies[row]) * _leak[tone, row] + Math.Sqrt(_energies[column]) * _leak[tone, column];
        var excess = Math.Max(0, harmonic - expectedLeak);
        return excess * excess > _energies[tone] * _harmonicRatio;
    }

    private int Strongest(int first)
    {
        var best = 0;
        for (var i = 1; i < 4; i++)
        {
            if (_energies[first + i] > _energies[first + best])
            {
                best = i;
            }
        }
        return best;
    }

    private bool StandsOut(int first, int peak)
    {
        for (var i = 0; i < 4; i++)
        {
            if (i != peak && _energies[first + i] * _relativePeak > _energies[first + peak])
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
