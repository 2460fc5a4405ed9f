namespace Softswitch.Storage.Retention;

/// <summary>How long the files the switch writes are kept: null keeps them forever.</summary>
/// <param name="RecordingsFolder">Full path of <c>storage.recordings</c> (the <c>recordings</c> rows' paths are relative to it).</param>
/// <param name="Recordings">Age (by the recording's start) after which a call recording is deleted.</param>
/// <param name="VoicemailFolder">Full path of <c>storage.voicemail</c>.</param>
/// <param name="Voicemail">Age (by when it was left) after which a voicemail message is deleted, in any state.</param>
public sealed record FileRetention(string RecordingsFolder, TimeSpan? Recordings, string VoicemailFolder, TimeSpan? Voicemail)
{
    /// <summary>A retention of <paramref name="days"/> days; 0 (or less) keeps forever.</summary>
    public static TimeSpan? Days(int days) => days > 0 ? TimeSpan.FromDays(days) : null;
}
