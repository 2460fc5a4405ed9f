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
    ];
}
