namespace Softswitch.Storage.Voicemail;

/// <summary>A row of <c>voicemail_messages</c>.</summary>
/// <param name="Box">The mailbox (an extension number).</param>
/// <param name="Caller">The caller's number, empty when withheld.</param>
/// <param name="Path">The WAV file, relative to the voicemail folder.</param>
public sealed record StoredVoicemailMessage(string Box, string Caller, string? CallerName, string CallUuid, DateTimeOffset StartedAt,
    double DurationSeconds, string Path, VoicemailState State, DateTimeOffset CreatedAt, DateTimeOffset ChangedAt)
{
    /// <summary>The row id; 0 before the row is stored.</summary>
    public long Id { get; init; }
}
