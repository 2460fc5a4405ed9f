namespace Softswitch.Media.Audio;

/// <summary>
/// Produces a <see cref="TonePattern"/> frame by frame into caller buffers, sample-exact in cadence and continuous in
/// phase across frames, so 50 calls of 20 ms equal one call of 1 s. No allocation after construction. One per stream.
/// </summary>
public sealed class ToneGenerator
{
    private readonly double _amplitude;
    private readonly double _step1;
    private readonly double _step2;
    private readonly long[] _segmentEnds;
    private readonly long _cycleSamples;
    private double _phase1;
    private double _phase2;
    private long _position;

    /// <summary>Creates a generator for <paramref name="pattern"/> at <paramref name="sampleRate"/> Hz.</summary>
    public ToneGenerator(TonePattern pattern, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        if (Math.Max(pattern.Frequency1, pattern.Frequency2) >= sampleRate / 2.0)
        {
            throw new ArgumentException($"Tone frequencies must be below {sampleRate / 2} Hz at {sampleRate} Hz.", nameof(pattern));
        }

        Pattern = pattern;
        SampleRate = sampleRate;
        _amplitude = pattern.Amplitude;
        _step1 = 2 * Math.PI * pattern.Frequency1 / sampleRate;
        _step2 = 2 * Math.PI * pattern.Frequency2 / sampleRate;

        // Cumulative segment boundaries in samples; rounding each boundary (not each duration) keeps long-run timing exact.
        _segmentEnds = new long[pattern.CadenceMilliseconds.Count];
        long totalMilliseconds = 0;
        for (int i = 0; i < _segmentEnds.Length; i++)
        {
            totalMilliseconds += pattern.CadenceMilliseconds[i];
            _segmentEnds[i] = totalMilliseconds * sampleRate / 1000;
        }

        _cycleSamples = _segmentEnds.Length == 0 ? 0 : _segmentEnds[^1];
    }

    /// <summary>The tone being generated.</summary>
    public TonePattern Pattern { get; }

    /// <summary>Output sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Samples in one 20 ms frame.</summary>
    public int FrameSamples => SampleRate / 50;

    /// <summary>Samples produced since construction or <see cref="Reset"/>.</summary>
    public long Position => _position;

    /// <summary>Fills <paramref name="frame"/> (mono) with the next samples of the tone.</summary>
    public void Fill(Span<short> frame)
    {
        int segment = 0;
        long offsetInCycle = _cycleSamples == 0 ? 0 : _position % _cycleSamples;
        while (segment < _segmentEnds.Length && offsetInCycle >= _segmentEnds[segment])
        {
            segment++;
        }

        for (int i = 0; i < frame.Length; i++)
        {
            // Even segments are "on", odd ones "off"; the oscillators keep running so phase stays continuous.
            bool on = _cycleSamples == 0 || segment % 2 == 0;
            double value = Math.Sin(_phase1);
            if (_step2 > 0)
            {
                value += Math.Sin(_phase2);
            }

            frame[i] = on ? (short)Math.Clamp(Math.Round(value * _amplitude), short.MinValue, short.MaxValue) : (short)0;
            _phase1 = Advance(_phase1, _step1);
            _phase2 = Advance(_phase2, _step2);

            if (_cycleSamples != 0 && ++offsetInCycle >= _segmentEnds[segment])
            {
                segment++;
                if (segment == _segmentEnds.Length)
                {
                    segment = 0;
                    offsetInCycle = 0;
                }
            }
        }

        _position += frame.Length;
    }

    /// <summary>Restarts the pattern from its first "on" segment at phase zero.</summary>
    public void Reset()
    {
        _phase1 = 0;
        _phase2 = 0;
        _position = 0;
    }

    private static double Advance(double phase, double step)
    {
        phase += step;
        return phase >= 2 * Math.PI ? phase - 2 * Math.PI : phase;
    }
}
