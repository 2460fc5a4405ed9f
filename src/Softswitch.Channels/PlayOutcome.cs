namespace Softswitch.Channels;

public enum PlayOutcome
{
    /// <summary>Every prompt was played to the end.</summary>
    Finished,

    /// <summary>A key stopped the playback (barge-in).</summary>
    Interrupted,

    /// <summary>The caller hung up, or the caller's token was cancelled.</summary>
    HungUp,
}
