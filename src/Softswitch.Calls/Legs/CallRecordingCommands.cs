namespace Softswitch.Calls.Legs;

/// <summary>
/// Pause and resume a call's recording by its id, for the console (a supervisor or the agent's screen while card
/// details are taken). The id is the switch's call uuid (as in the call's row) or the caller's SIP Call-ID.
/// </summary>
public sealed class CallRecordingCommands(CallRegistry calls)
{
    /// <summary>Writes silence in place of the conversation of call <paramref name="callId"/> from now on.</summary>
    public RecordingControlResult Pause(string callId) => Find(callId) is { } call ? call.PauseRecording() : RecordingControlResult.NoSuchCall;

    /// <summary>Records the conversation of call <paramref name="callId"/> again.</summary>
    public RecordingControlResult Resume(string callId) => Find(callId) is { } call ? call.ResumeRecording() : RecordingControlResult.NoSuchCall;

    private IRecordingControl? Find(string callId)
    {
        foreach (var call in calls.Snapshot())
        {
            if (call is IRecordingControl control && (call.Uuid == callId || call.CallId == callId)) return control;
        }

        return null;
    }
}
