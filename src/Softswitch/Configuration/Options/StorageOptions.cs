using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>The <c>storage</c> section. Relative paths resolve against the current directory.</summary>
public sealed class StorageOptions
{
    /// <summary>SQLite database file.</summary>
    public string Database { get; set; } = "data/softswitch.db";

    /// <summary>Folder for call recordings.</summary>
    public string Recordings { get; set; } = "data/recordings";

    /// <summary>Folder of voicemail messages: one folder per mailbox (extension number), one WAV per message.</summary>
    public string Voicemail { get; set; } = "data/voicemail";

    /// <summary>
    /// Days of history kept: older registration events (failed logins included) are deleted at start-up and daily,
    /// and log files older than this are removed as the log rolls.
    /// </summary>
    [ConfigurationKeyName("retention_days")]
    public int RetentionDays { get; set; } = 90;

    /// <summary>Days of call records (<c>calls</c>, judged by the call's start) and queue events (<c>queue_events</c>) kept; 0 keeps them forever.</summary>
    [ConfigurationKeyName("call_records_retention_days")]
    public int CallRecordsRetentionDays { get; set; }

    /// <summary>
    /// Days call recordings (WAV files under <see cref="Recordings"/>) are kept, judged by the recording's start; older
    /// ones are deleted at start-up and daily, their rows marked. 0 keeps them forever.
    /// </summary>
    [ConfigurationKeyName("recording_retention_days")]
    public int RecordingRetentionDays { get; set; }

    /// <summary>Days voicemail messages are kept (any state), judged by when they were left; 0 keeps them forever.</summary>
    [ConfigurationKeyName("voicemail_retention_days")]
    public int VoicemailRetentionDays { get; set; }
}
