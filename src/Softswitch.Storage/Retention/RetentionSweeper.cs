using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Storage.Retention;

/// <summary>
/// Deletes rows older than the retention period (<c>storage.retention_days</c>) from the history tables: once when
/// started and then once a day, on the injected clock. A table listed but not (yet) in the database is skipped, so the
/// list can name tables other features add.
/// </summary>
public sealed partial class RetentionSweeper : IAsyncDisposable
{
    /// <summary>The tables swept by default: history that grows with every request, never needed forever.</summary>
    public static IReadOnlyList<RetainedTable> DefaultTables { get; } =
    [
        new RetainedTable("registration_events", "occurred_at"),
        // A ban is history once it has ended (expired or lifted); an active one is never swept.
        new RetainedTable("security_bans", "lifted_at", "lifted_at IS NOT NULL"),
    ];

    /// <summary>
    /// <see cref="DefaultTables"/>, plus <c>calls</c> and <c>queue_events</c> (the figures' history) when call records are
    /// to go after <paramref name="callRecordsRetention"/> (null or zero: they are kept forever, as billing history usually must be).
    /// </summary>
    public static IReadOnlyList<RetainedTable> TablesWith(TimeSpan? callRecordsRetention) =>
        callRecordsRetention is { } retention && retention > TimeSpan.Zero
            ? [.. DefaultTables, new RetainedTable("calls", "started_at") { Retention = retention },
                new RetainedTable("queue_events", "occurred_at") { Retention = retention }]
            : DefaultTables;

    /// <summary>How often the sweep runs after the first one.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    private readonly SqliteDatabase _database;
    private readonly TimeSpan _retention;
    private readonly IReadOnlyList<RetainedTable> _tables;
    private readonly TimeProvider _time;
    private readonly ILogger<RetentionSweeper> _logger;
    private readonly DailySweep _schedule;

    /// <summary>Creates a sweeper; nothing runs until <see cref="StartAsync"/>.</summary>
    public RetentionSweeper(SqliteDatabase database, TimeSpan retention, TimeProvider time,
        IReadOnlyList<RetainedTable>? tables = null, ILogger<RetentionSweeper>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        _database = database;
        _retention = retention;
        _tables = tables ?? DefaultTables;
        _time = time;
        _logger = logger ?? NullLogger<RetentionSweeper>.Instance;
        _schedule = new DailySweep(time, () => SweepAsync(), LogSweepFailed);
    }

    /// <summary>Sweeps once now, then arms the daily sweep.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await SweepAsync(cancellationToken).ConfigureAwait(false);
        _schedule.Arm();
    }

    /// <summary>Deletes the rows older than the retention period; returns how many went from each table.</summary>
    public Task<IReadOnlyDictionary<string, int>> SweepAsync(CancellationToken cancellationToken = default) =>
        _schedule.RunAsync(() => SweepTablesAsync(cancellationToken), cancellationToken);

    private async Task<IReadOnlyDictionary<string, int>> SweepTablesAsync(CancellationToken cancellationToken)
    {
        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in _tables)
        {
            var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @Name", new { Name = table.Table },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (exists == 0) continue;
            var condition = table.Condition is null ? "" : $" AND ({table.Condition})";
            var retention = table.Retention ?? _retention;
            var cutoff = StorageTime.ToText(now - retention);
            var count = await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {table.Table} WHERE {table.TimeColumn} < @Cutoff{condition}", new { Cutoff = cutoff },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            deleted[table.Table] = count;
            if (count > 0) LogSwept(count, table.Table, retention.TotalDays);
        }

        return deleted;
    }

    /// <summary>Stops the daily sweep and waits for one in progress.</summary>
    public ValueTask DisposeAsync() => _schedule.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} rows older than {Days} days deleted from {Table}")]
    private partial void LogSwept(int count, string table, double days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed")]
    private partial void LogSweepFailed(Exception error);
}
