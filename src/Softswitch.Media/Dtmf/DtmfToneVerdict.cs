namespace Softswitch.Media.Dtmf;

/// <summary>Why one Goertzel block was or was not taken for a DTMF digit (diagnostics and tests).</summary>
internal enum DtmfToneVerdict
{
    /// <summary>A valid digit.</summary>
    Digit,
    /// <summary>A tone is below the minimum level.</summary>
    TooQuiet,
    /// <summary>The high tone is too much stronger than the low tone.</summary>
    NormalTwist,
    /// <summary>The low tone is too much stronger than the high tone.</summary>
    ReverseTwist,
    /// <summary>No row stands clearly above the others.</summary>
    RowNotDominant,
    /// <summary>No column stands clearly above the others.</summary>
    ColumnNotDominant,
    /// <summary>The two tones carry too small a share of the energy.</summary>
    Broadband,
    /// <summary>A tone has a strong second harmonic (speech, music).</summary>
    Harmonic,
}
