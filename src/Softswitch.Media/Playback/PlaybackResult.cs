using Softswitch.Media.Dtmf;

namespace Softswitch.Media.Playback;

/// <summary>The end of one playback.</summary>
/// <param name="Outcome">Why it ended.</param>
/// <param name="FramesPlayed">20 ms frames handed to the output.</param>
/// <param name="Digit">The barge-in digit when <paramref name="Outcome"/> is <see cref="PlaybackOutcome.Interrupted"/>.</param>
public readonly record struct PlaybackResult(PlaybackOutcome Outcome, int FramesPlayed, DtmfDigit? Digit = null)
{
    /// <summary>Audio time sent before the end.</summary>
    public TimeSpan Played => EncodedAudio.FrameDuration * FramesPlayed;
}
