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
        new Migration(4, "registrar bindings kept across restarts",
            """
            CREATE TABLE registrations (
                extension      TEXT    NOT NULL,
                binding_key    TEXT    NOT NULL, -- ContactBindingKey: the instance id or the canonical contact URI
                contact        TEXT    NOT NULL, -- as the phone sent it
                expires_at     TEXT    NOT NULL, -- UTC, ISO-8601 with milliseconds: sorts as text
                call_id        TEXT    NOT NULL,
                cseq           INTEGER NOT NULL,
                transport      TEXT    NOT NULL, -- udp, tcp
                source_address TEXT    NOT NULL, -- where the REGISTER came from, e.g. 192.0.2.7:5062
                user_agent     TEXT,
                instance_id    TEXT,
                reg_id         INTEGER,
                registered_at  TEXT    NOT NULL,
                refreshed_at   TEXT    NOT NULL,
                PRIMARY KEY (extension, binding_key)
            );
            CREATE INDEX ix_registrations_expires_at ON registrations (expires_at);
            """),
        new Migration(5, "call records",
            """
            CREATE TABLE calls (
                id                        INTEGER PRIMARY KEY AUTOINCREMENT,
                call_uuid                 TEXT    NOT NULL, -- the id the switch drew for the call (UUIDv7)
                call_id                   TEXT    NOT NULL, -- the caller leg's SIP Call-ID: not unique
                caller                    TEXT    NOT NULL, -- extension number or caller-ID user
                caller_name               TEXT,
                dialled                   TEXT    NOT NULL,
                callee                    TEXT,             -- who answered: extension, trunk or feature; NULL if nobody
                source_kind               TEXT    NOT NULL, -- extension, trunk, unknown
                source                    TEXT    NOT NULL, -- extension number, trunk name or address
                route_target              TEXT,
                route_match               TEXT,
                started_at                TEXT    NOT NULL, -- UTC, ISO-8601 with milliseconds: sorts as text
                answered_at               TEXT,
                ended_at                  TEXT    NOT NULL,
                duration_seconds          REAL    NOT NULL, -- started_at to ended_at
                billable_seconds          INTEGER NOT NULL, -- answered_at to ended_at, rounded up; 0 if unanswered
                hangup_cause              TEXT    NOT NULL, -- normal, busy, no_answer, cancelled, rtp_timeout ...
                sip_status                INTEGER,          -- final status of an unanswered call
                hangup_side               TEXT    NOT NULL, -- caller, callee, switch
                caller_call_id            TEXT,             -- caller_*: the caller's leg media, NULL if none started
                caller_codec              TEXT,
                caller_remote_media       TEXT,
                caller_packets_sent       INTEGER,
                caller_packets_received   INTEGER,
                caller_packets_lost       INTEGER,
                caller_jitter_ms          REAL,
                caller_peer_reported_lost INTEGER,
                callee_call_id            TEXT,             -- callee_*: the leg the switch dialled, NULL if none
                callee_codec              TEXT,
                callee_remote_media       TEXT,
                callee_packets_sent       INTEGER,
                callee_packets_received   INTEGER,
                callee_packets_lost       INTEGER,
                callee_jitter_ms          REAL,
                callee_peer_reported_lost INTEGER,
                recording_path            TEXT              -- relative to storage.recordings, as recordings.path
            );
            CREATE INDEX ix_calls_started_at ON calls (started_at);
            CREATE INDEX ix_calls_call_uuid ON calls (call_uuid);
            """),
        new Migration(6, "extension settings changed from the phone (feature codes)",
            """
            CREATE TABLE extension_settings (
                extension      TEXT    NOT NULL PRIMARY KEY,
                dnd            INTEGER,          -- null: as configured
                forward_always TEXT,             -- null: as configured; '' forwarding off
                changed_at     TEXT    NOT NULL  -- UTC, ISO-8601 with milliseconds
            );
            """),
        new Migration(7, "what a call's application noted (an IVR flow's path and variables)",
            """
            ALTER TABLE calls ADD COLUMN application_fields TEXT; -- JSON object of name -> text; NULL when none
            """),
        new Migration(8, "voicemail messages",
            """
            CREATE TABLE voicemail_messages (
                id               INTEGER PRIMARY KEY AUTOINCREMENT,
                box              TEXT    NOT NULL, -- the mailbox: an extension number
                caller           TEXT    NOT NULL, -- the caller's number; '' when withheld
                caller_name      TEXT,
                call_uuid        TEXT    NOT NULL, -- links the message to its row of calls
                started_at       TEXT    NOT NULL, -- UTC, ISO-8601 with milliseconds: sorts as text
                duration_seconds REAL    NOT NULL,
                path             TEXT    NOT NULL, -- relative to storage.voicemail, e.g. 1001/20261206-081500-ab12cd34.wav
                state            TEXT    NOT NULL, -- new, saved, deleted
                created_at       TEXT    NOT NULL,
                changed_at       TEXT    NOT NULL  -- the last change of state
            );
            CREATE INDEX ix_voicemail_messages_box_state ON voicemail_messages (box, state);
            """),
        new Migration(9, "the ACD's queue event log (the figures of softswitch report)",
            """
            CREATE TABLE queue_events (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                occurred_at   TEXT    NOT NULL, -- UTC, ISO-8601 with milliseconds: sorts as text
                call_id       TEXT,             -- the caller's call_uuid (as in calls); NULL for agent state events
                queue         TEXT,             -- NULL for agent state events that concern no one queue
                agent         TEXT,             -- the agent's extension; NULL when none
                caller_number TEXT,             -- for first-call resolution; NULL when unknown
                kind          TEXT    NOT NULL, -- enter, offer, ring_no_answer, busy, connect, abandon, complete_by_agent ...
                position      INTEGER,          -- the caller's position (enter, abandon)
                wait_ms       INTEGER,          -- time in the queue (connect, abandon, overflow)
                talk_ms       INTEGER,          -- the conversation (complete_by_*)
                detail        TEXT              -- pause reason, overflow or transfer destination, survey score
            );
            CREATE INDEX ix_queue_events_occurred_at ON queue_events (occurred_at);
            """),
        new Migration(10, "ACD agents' states kept across restarts",
            """
            CREATE TABLE agent_states (
                agent        TEXT NOT NULL PRIMARY KEY, -- the agent's extension
                state        TEXT NOT NULL,             -- logged_in, logged_out, paused
                pause_reason TEXT,                      -- while paused: the reason code (digits after *52, 'pause', 'missed')
                changed_at   TEXT NOT NULL              -- UTC, ISO-8601 with milliseconds
            );
            """),
    ];
}
