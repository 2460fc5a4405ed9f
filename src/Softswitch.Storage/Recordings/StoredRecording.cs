namespace Softswitch.Storage.Recordings;

/// <summary>One row of <c>recordings</c>: a closed call recording and the file that holds it.</summary>
/// <param name="CallId">The SIP Call-ID (several calls may share one).</param>
/// <param name="CallUuid">The id the switch drew for the call; unique.</param>
/// <param name="Path">The WAV file relative to the recordings folder, with <c>/</c> separators.</param>
public sealed record StoredRecording(
    string CallId,
    string CallUuid,
    string Path,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    long DurationMs,
    int Channels,
    int SampleRate,
    long DroppedFrames,
    string? Caller,
    string? Dialled)
{
    /// <summary>Row id; 0 until stored.</summary>
    public long Id { get; init; }
}
