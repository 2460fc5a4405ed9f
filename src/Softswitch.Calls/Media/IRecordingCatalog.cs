namespace Softswitch.Calls.Media;

/// <summary>
/// Where a call tells that its recording is closed (the host stores it as a row of <c>recordings</c>). Called once per
/// recording, after the file is complete, off the media path; must not block (queue and return).
/// </summary>
public interface IRecordingCatalog
{
    /// <summary>The recording is closed and its header written: <paramref name="recording"/> names the file.</summary>
    void Add(FinishedRecording recording);
}
