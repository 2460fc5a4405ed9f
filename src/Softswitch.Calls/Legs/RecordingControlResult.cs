namespace Softswitch.Calls.Legs;

/// <summary>How a pause or resume of a call's recording went.</summary>
public enum RecordingControlResult
{
    /// <summary>Paused (or resumed) from now on.</summary>
    Done,

    /// <summary>The recording was already paused (or already recording): nothing changed.</summary>
    Unchanged,

    /// <summary>The call exists but nothing records it (not recorded, or its recording already ended).</summary>
    NotRecording,

    /// <summary>No call in progress has that id.</summary>
    NoSuchCall,
}
