namespace Softswitch.Media.Audio;

/// <summary>
/// A single or dual-frequency tone with an optional on/off cadence, e.g. ringback 425 Hz 1 s on, 4 s off.
/// </summary>
public sealed record TonePattern
{
    /// <summary>Creates a pattern.</summary>
    /// <param name="frequency1">First frequency in Hz.</param>
    /// <param name="frequency2">Second frequency in Hz, or 0 for a single tone.</param>
    /// <param name="levelDbm0">Level of each frequency component in dBm0 (ITU-T G.711: a full-scale sine is +3.17 dBm0).</param>
    /// <param name="cadenceMilliseconds">Alternating on, off durations repeating forever; empty for a continuous tone.</param>
    public TonePattern(double frequency1, double frequency2, double levelDbm0, params int[] cadenceMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequency1);
        ArgumentOutOfRangeException.ThrowIfNegative(frequency2);
        if (cadenceMilliseconds.Length % 2 != 0 || cadenceMilliseconds.Any(duration => duration <= 0))
        {
            throw new ArgumentException("A cadence is pairs of positive on/off durations.", nameof(cadenceMilliseconds));
        }

        Frequency1 = frequency1;
        Frequency2 = frequency2;
        LevelDbm0 = levelDbm0;
        CadenceMilliseconds = cadenceMilliseconds;
    }

    /// <summary>First frequency in Hz.</summary>
    public double Frequency1 { get; }

    /// <summary>Second frequency in Hz; 0 when the tone is a single frequency.</summary>
    public double Frequency2 { get; }

    /// <summary>Level of each component in dBm0.</summary>
    public double LevelDbm0 { get; }

    /// <summary>Alternating on/off durations in milliseconds; empty means continuous.</summary>
    public IReadOnlyList<int> CadenceMilliseconds { get; }

    /// <summary>Peak amplitude in 16-bit PCM of one component: 0 dBm0 is 3.17 dB below a full-scale sine.</summary>
    public double Amplitude => short.MaxValue * Math.Pow(10, (LevelDbm0 - 3.17) / 20);
}
