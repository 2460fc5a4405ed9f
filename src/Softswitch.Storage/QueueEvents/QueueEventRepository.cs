using System.Runtime.CompilerServices;
using Dapper;

namespace Softswitch.Storage.QueueEvents;

/// <summary>Writes and reads <c>queue_events</c>.</summary>
public sealed class QueueEventRepository(SqliteDatabase database)
{
    private const string InsertSql =
        """
        INSERT INTO queue_events
            (occurred_at, call_id, queue, agent, caller_number, kind, position, wait_ms, talk_ms, detail)
        VALUES
            (@OccurredAt, @CallId, @Queue, @Agent, @CallerNumber, @Kind, @Position, @WaitMs, @TalkMs, @Detail)
        """;

    /// <summary>Stores several events in one transaction: one fsync for the lot.</summary>
    public Task AddBatchAsync(IReadOnlyCollection<StoredQueueEvent> events, CancellationToken cancellationToken = default) =>
        BatchInsert.ExecuteAsync(database, InsertSql, events.Select(ToRow).ToList(), cancellationToken);

    /// <summary>The events from <paramref name="since"/> up to (not including) <paramref name="until"/>, oldest first, streamed.</summary>
    public async IAsyncEnumerable<StoredQueueEvent> ListAsync(DateTimeOffset since, DateTimeOffset until,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        const string sql =
            """
            SELECT id AS Id, occurred_at AS OccurredAt, call_id AS CallId, queue AS Queue, agent AS Agent,
                   caller_number AS CallerNumber, kind AS Kind, position AS Position, wait_ms AS WaitMs,
                   talk_ms AS TalkMs, detail AS Detail
            FROM queue_events
            WHERE occurred_at >= @Since AND occurred_at < @Until
            ORDER BY occurred_at, id
            """;
        var parameters = new { Since = StorageTime.ToText(since), Until = StorageTime.ToText(until) };
        await foreach (var row in connection.QueryUnbufferedAsync<Row>(sql, parameters).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return FromRow(row);
        }
    }

    private static Row ToRow(StoredQueueEvent e) => new()
    {
        OccurredAt = StorageTime.ToText(e.OccurredAt),
        CallId = e.CallId,
        Queue = e.Queue,
        Agent = e.Agent,
        CallerNumber = e.CallerNumber,
        Kind = e.Kind,
        Position = e.Position,
        WaitMs = e.WaitMilliseconds,
        TalkMs = e.TalkMilliseconds,
        Detail = e.Detail,
    };

    private static StoredQueueEvent FromRow(Row row) => new(StorageTime.FromText(row.OccurredAt), row.Kind)
    {
        Id = row.Id,
        CallId = row.CallId,
        Queue = row.Queue,
        Agent = row.Agent,
        CallerNumber = row.CallerNumber,
        Position = row.Position is { } position ? (int)position : null,
        WaitMilliseconds = row.WaitMs,
        TalkMilliseconds = row.TalkMs,
        Detail = row.Detail,
    };

    // The column shape as SQLite sees it.
    private sealed class Row
    {
        public long Id { get; set; }
        public string OccurredAt { get; set; } = "";
        public string? CallId { get; set; }
        public string? Queue { get; set; }
        public string? Agent { get; set; }
        public string? CallerNumber { get; set; }
        public string Kind { get; set; } = "";
        public long? Position { get; set; }
        public long? WaitMs { get; set; }
        public long? TalkMs { get; set; }
        public string? Detail { get; set; }
    }
}
