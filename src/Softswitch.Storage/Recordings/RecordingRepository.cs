using Dapper;

namespace Softswitch.Storage.Recordings;

/// <summary>Reads and writes <c>recordings</c>.</summary>
public sealed class RecordingRepository(SqliteDatabase database)
{
    private const string InsertSql =
        """
        INSERT INTO recordings
            (call_id, call_uuid, path, started_at, ended_at, duration_ms, channels, sample_rate, dropped_frames, caller, dialled)
        VALUES
            (@CallId, @CallUuid, @Path, @StartedAt, @EndedAt, @DurationMs, @Channels, @SampleRate, @DroppedFrames, @Caller, @Dialled)
        """;

    /// <summary>Stores several recordings in one transaction.</summary>
    public Task AddBatchAsync(IReadOnlyCollection<StoredRecording> recordings, CancellationToken cancellationToken = default) =>
        BatchInsert.ExecuteAsync(database, InsertSql, recordings.Select(ToRow).ToList(), cancellationToken);

    /// <summary>The recordings of every call that used <paramref name="callId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<StoredRecording>> ListByCallIdAsync(string callId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, call_id AS CallId, call_uuid AS CallUuid, path AS Path, started_at AS StartedAt, ended_at AS EndedAt,
                   duration_ms AS DurationMs, channels AS Channels, sample_rate AS SampleRate, dropped_frames AS DroppedFrames,
                   caller AS Caller, dialled AS Dialled
            FROM recordings
            WHERE call_id = @CallId
            ORDER BY started_at, id
            """,
            new { CallId = callId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(FromRow).ToList();
    }

    private static Row ToRow(StoredRecording r) => new()
    {
        CallId = r.CallId,
        CallUuid = r.CallUuid,
        Path = r.Path,
        StartedAt = StorageTime.ToText(r.StartedAt),
        EndedAt = StorageTime.ToText(r.EndedAt),
        DurationMs = r.DurationMs,
        Channels = r.Channels,
        SampleRate = r.SampleRate,
        DroppedFrames = r.DroppedFrames,
        Caller = r.Caller,
        Dialled = r.Dialled,
    };

    private static StoredRecording FromRow(Row row) =>
        new(row.CallId, row.CallUuid, row.Path, StorageTime.FromText(row.StartedAt), StorageTime.FromText(row.EndedAt), row.DurationMs,
            (int)row.Channels, (int)row.SampleRate, row.DroppedFrames, row.Caller, row.Dialled)
        {
            Id = row.Id,
        };

    // The column shape as SQLite sees it: times as text, integers as 64-bit.
    private sealed class Row
    {
        public long Id { get; set; }
        public string CallId { get; set; } = "";
        public string CallUuid { get; set; } = "";
        public string Path { get; set; } = "";
        public string StartedAt { get; set; } = "";
        public string EndedAt { get; set; } = "";
        public long DurationMs { get; set; }
        public long Channels { get; set; }
        public long SampleRate { get; set; }
        public long DroppedFrames { get; set; }
        public string? Caller { get; set; }
        public string? Dialled { get; set; }
    }
}
