namespace Softswitch.Calls.Legs;

/// <summary>A live call whose recording can be paused while card details are spoken (PCI) and resumed. Safe from any thread.</summary>
public interface IRecordingControl
{
    /// <summary>Writes silence in place of the conversation from now on.</summary>
    RecordingControlResult PauseRecording();

    /// <summary>Records the conversation again.</summary>
    RecordingControlResult ResumeRecording();
}
