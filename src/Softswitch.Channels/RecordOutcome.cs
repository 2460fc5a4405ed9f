namespace Softswitch.Channels;

public enum RecordOutcome
{
    StoppedByKey,
    Silence,
    MaxLength,

    /// <summary>The caller hung up (the file holds what was said until then).</summary>
    HungUp,
}
