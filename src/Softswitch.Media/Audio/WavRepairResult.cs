namespace Softswitch.Media.Audio;

/// <summary>What <see cref="WavRepair.Repair"/> did.</summary>
public enum WavRepairResult
{
    /// <summary>Sizes already matched the file; nothing written.</summary>
    AlreadyValid,

    /// <summary>The RIFF and data sizes were rewritten (and a trailing partial frame cut off).</summary>
    Repaired,

    /// <summary>Not a WAV file whose header we understand; left untouched.</summary>
    NotRepairable,
}
