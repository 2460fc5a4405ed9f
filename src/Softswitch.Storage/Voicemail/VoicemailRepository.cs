using Dapper;

namespace Softswitch.Storage.Voicemail;

/// <summary>Reads and writes <c>voicemail_messages</c>. Messages are few and slow, so each write is its own statement.</summary>
public sealed class VoicemailRepository(SqliteDatabase database)
{
    private const string Columns =
        """
        id AS Id, box AS Box, caller AS Caller, caller_name AS CallerName, call_uuid AS CallUuid, started_at AS StartedAt,
        duration_seconds AS DurationSeconds, path AS Path, state AS State, created_at AS CreatedAt, changed_at AS ChangedAt
        """;

    /// <summary>Stores a message and returns its id.</summary>
    public async Task<long> AddAsync(StoredVoicemailMessage message, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO voicemail_messages
                (box, caller, caller_name, call_uuid, started_at, duration_seconds, path, state, created_at, changed_at)
            VALUES
                (@Box, @Caller, @CallerName, @CallUuid, @StartedAt, @DurationSeconds, @Path, @State, @CreatedAt, @ChangedAt);
            SELECT last_insert_rowid();
            """,
            ToRow(message), cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The box's messages that are not deleted: new ones first, then saved; oldest first within each.</summary>
    public async Task<IReadOnlyList<StoredVoicemailMessage>> ListAsync(string box, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns}
            FROM voicemail_messages
            WHERE box = @Box AND state <> 'deleted'
            ORDER BY CASE state WHEN 'new' THEN 0 ELSE 1 END, started_at, id
            """,
            new { Box = box }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(FromRow).ToList();
    }

    /// <summary>One message by id, deleted ones included; null when there is no such row.</summary>
    public async Task<StoredVoicemailMessage?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM voicemail_messages WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : FromRow(row);
    }

    /// <summary>Moves a message to <paramref name="state"/>; false when no such message exists.</summary>
    public async Task<bool> SetStateAsync(long id, VoicemailState state, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE voicemail_messages SET state = @State, changed_at = @ChangedAt WHERE id = @Id",
            new { Id = id, State = StateText(state), ChangedAt = StorageTime.ToText(at) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed > 0;
    }

    /// <summary>New and saved counts of every box that holds a message that is not deleted.</summary>
    public async Task<IReadOnlyList<VoicemailBoxCounts>> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Box, long New, long Saved)>(new CommandDefinition(
            """
            SELECT box, SUM(state = 'new'), SUM(state = 'saved')
            FROM voicemail_messages
            WHERE state <> 'deleted'
            GROUP BY box
            ORDER BY box
            """,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new VoicemailBoxCounts(r.Box, (int)r.New, (int)r.Saved)).ToList();
    }

    private static string StateText(VoicemailState state) => state switch
    {
        VoicemailState.New => "new",
        VoicemailState.Saved => "saved",
        _ => "deleted",
    };

    private static VoicemailState ParseState(string text) => text switch
    {
        "new" => VoicemailState.New,
        "saved" => VoicemailState.Saved,
        _ => VoicemailState.Deleted,
    };

    private static Row ToRow(StoredVoicemailMessage m) => new()
    {
        Id = m.Id,
        Box = m.Box,
        Caller = m.Caller,
        CallerName = m.CallerName,
        CallUuid = m.CallUuid,
        StartedAt = StorageTime.ToText(m.StartedAt),
        DurationSeconds = m.DurationSeconds,
        Path = m.Path,
        State = StateText(m.State),
        CreatedAt = StorageTime.ToText(m.CreatedAt),
        ChangedAt = StorageTime.ToText(m.ChangedAt),
    };

    private static StoredVoicemailMessage FromRow(Row row) =>
        new(row.Box, row.Caller, row.CallerName, row.CallUuid, StorageTime.FromText(row.StartedAt), row.DurationSeconds, row.Path,
            ParseState(row.State), StorageTime.FromText(row.CreatedAt), StorageTime.FromText(row.ChangedAt))
        {
            Id = row.Id,
        };

    // The column shape as SQLite sees it: times and the state as text.
    private sealed class Row
    {
        public long Id { get; set; }
        public string Box { get; set; } = "";
        public string Caller { get; set; } = "";
        public string? CallerName { get; set; }
        public string CallUuid { get; set; } = "";
        public string StartedAt { get; set; } = "";
        public double DurationSeconds { get; set; }
        public string Path { get; set; } = "";
        public string State { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string ChangedAt { get; set; } = "";
    }
}
