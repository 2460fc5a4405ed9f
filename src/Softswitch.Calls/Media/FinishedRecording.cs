namespace Softswitch.Calls.Media;

/// <summary>A closed call recording: which call it belongs to and which file holds it.</summary>
/// <param name="CallId">The SIP Call-ID (chosen by the caller; several calls may share it).</param>
/// <param name="CallUuid">The id the switch drew for the call; unique, and part of the file name.</param>
/// <param name="RelativePath">The file, relative to the recordings folder, with <c>/</c> separators.</param>
/// <param name="Caller">The caller's user part (extension) from the From header.</param>
/// <param name="Dialled">What the caller dialled (the Request-URI user).</param>
public sealed record FinishedRecording(
    string CallId,
    string CallUuid,
    string RelativePath,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    TimeSpan Duration,
    int Channels,
    int SampleRate,
    long DroppedFrames,
    string? Caller,
    string? Dialled);
