namespace Softswitch.Media.Playback;

/// <summary>How a <see cref="PromptPlayer.PlayAsync(IReadOnlyList{EncodedAudio}, bool, CancellationToken)"/> ended.</summary>
public enum PlaybackOutcome
{
    /// <summary>Every frame of every prompt was sent.</summary>
    Finished,

    /// <summary>A DTMF digit barged in (see <see cref="PlaybackResult.Digit"/>).</summary>
    Interrupted,

    /// <summary>Stopped by <see cref="PromptPlayer.Stop"/> or replaced by another playback.</summary>
    Stopped,

    /// <summary>The caller's cancellation token fired.</summary>
    Cancelled,
}
