namespace Softswitch.Media.Dtmf;

/// <summary>Thresholds of <see cref="InBandDtmfDetector"/>; the defaults follow ITU-T Q.24 practice.</summary>
public sealed record InBandDtmfDetectorOptions
{
    /// <summary>The defaults.</summary>
    public static InBandDtmfDetectorOptions Default { get; } = new();

    /// <summary>
    /// Samples per Goertzel block at 8 kHz. 102 (12.75 ms) is the default rather than the textbook
    /// 205: any 40 ms tone or gap (320 samples) then contains at least two whole blocks, so the
    /// timing rules can be met, while 205-sample blocks (25.6 ms) cannot even guarantee one whole
    /// block inside a 40 ms tone. Its 78 Hz bins still separate neighbouring rows (73-89 Hz apart),
    /// each falling near the first null of the others.
    /// </summary>
    public int BlockSize { get; init; } = 102;

    /// <summary>Weakest accepted level of each tone, in dBm0 (0 dBm0 = a sine of amplitude 22753).</summary>
    public double MinimumToneLevelDbm0 { get; init; } = -30;

    /// <summary>How much the high (column) tone may exceed the low (row) tone, in dB.</summary>
    public double MaximumNormalTwistDb { get; init; } = 8;

    /// <summary>How much the low (row) tone may exceed the high (column) tone, in dB.</summary>
    public double MaximumReverseTwistDb { get; init; } = 4;

    /// <summary>How far the strongest row (and column) must stand above every other one, in dB.</summary>
    public double MinimumRelativePeakDb { get; init; } = 8;

    /// <summary>
    /// How far each tone's second harmonic (beyond what the other tone leaks into that bin) must stay
    /// below the tone, in dB. Voiced speech and music are rich in harmonics; a DTMF pair has none.
    /// </summary>
    public double MinimumSecondHarmonicRejectionDb { get; init; } = 10;

    /// <summary>Share of the block's energy the two tones must carry (rejects broadband sounds).</summary>
    public double MinimumToneEnergyFraction { get; init; } = 0.6;

    /// <summary>A digit must last this long to be reported.</summary>
    public TimeSpan MinimumToneDuration { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>A pause this long separates two presses of the same key.</summary>
    public TimeSpan MinimumGapDuration { get; init; } = TimeSpan.FromMilliseconds(40);
}
