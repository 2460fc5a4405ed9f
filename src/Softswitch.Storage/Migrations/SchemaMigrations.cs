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
        new Migration(2, "security bans",
            """
            CREATE TABLE security_bans (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                address    TEXT    NOT NULL,
                banned_at  TEXT    NOT NULL, -- UTC, ISO-8601 with milliseconds, as registration_events
                until      TEXT    NOT NULL,
                reason     TEXT    NOT NULL,
                failures   INTEGER NOT NULL,
                lifted_at  TEXT,             -- when it ended: expired (= until) or lifted by an administrator
                lifted_by  TEXT
            );
            CREATE INDEX ix_security_bans_until ON security_bans (until);
            CREATE INDEX ix_security_bans_address ON security_bans (address, banned_at);
            """),
    ];
}
