namespace Softswitch.Calls.Media;

/// <summary>What a key completed: nothing, or a pause or resume code.</summary>
public enum RecordingPauseCommand
{
    None,
    Pause,
    Resume,
}
