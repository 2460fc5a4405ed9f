namespace Softswitch.Storage.Migrations;

/// <summary>
/// The schema history in code. Append new steps at the end with the next version; never edit a
/// step that has shipped, because databases in the field already ran it.
/// </summary>
public static class SchemaMigrations
{
    /// <summary>All migrations, in version order.</summary>
    public static IReadOnlyList<Migration> All { get; } =
    [
        new Migration(1, "registration events",
            """
            CREATE TABLE registration_events (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                occurred_at    TEXT    NOT NULL, -- UTC, ISO-8601 with milliseconds: sorts as text
                extension      TEXT    NOT NULL,
                contact        TEXT,
                source_address TEXT,
                transport      TEXT,
                user_agent     TEXT,
                outcome        TEXT    NOT NULL,
                call_id        TEXT,
                detail         TEXT
            );
            CREATE INDEX ix_registration_events_extension_occurred_at
                ON registration_events (extension, occurred_at);
            """),
        // Placeholder so versions stay gapless on this branch: at the merge, the branch that owns version 2 replaces it.
        new Migration(2, "reserved for another branch's migration", "SELECT 1;"),
        new Migration(3, "call recordings",
            """
            CREATE TABLE recordings (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                call_id        TEXT    NOT NULL,        -- the SIP Call-ID as the caller sent it: not unique
                call_uuid      TEXT    NOT NULL UNIQUE, -- the id the switch drew for the call; in the file name
                path           TEXT    NOT NULL UNIQUE, -- relative to storage.recordings, '/' separators
                started_at     TEXT    NOT NULL,        -- UTC, ISO-8601 with milliseconds
                ended_at       TEXT    NOT NULL,
                duration_ms    INTEGER NOT NULL,
                channels       INTEGER NOT NULL,
                sample_rate    INTEGER NOT NULL,
                dropped_frames INTEGER NOT NULL,
                caller         TEXT,
                dialled        TEXT
            );
            CREATE INDEX ix_recordings_call_id ON recordings (call_id);
            CREATE INDEX ix_recordings_started_at ON recordings (started_at);
            """),
    ];
}
