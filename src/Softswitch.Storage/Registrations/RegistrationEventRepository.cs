using Dapper;

namespace Softswitch.Storage.Registrations;

/// <summary>Reads and writes <c>registration_events</c>.</summary>
public sealed class RegistrationEventRepository
{
    private const string InsertSql =
        """
        INSERT INTO registration_events
            (occurred_at, extension, contact, source_address, transport, user_agent, outcome, call_id, detail)
        VALUES
            (@OccurredAt, @Extension, @Contact, @SourceAddress, @Transport, @UserAgent, @Outcome, @CallId, @Detail)
        """;

    private readonly SqliteDatabase _database;

    /// <summary>Creates a repository over <paramref name="database"/>.</summary>
    public RegistrationEventRepository(SqliteDatabase database) => _database = database;

    /// <summary>Stores one event and returns its row id.</summary>
    public async Task<long> AddAsync(RegistrationEvent registrationEvent, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            InsertSql + " RETURNING id", ToRow(registrationEvent), cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Stores several events in one transaction: one fsync for the lot.</summary>
    public Task AddBatchAsync(IReadOnlyCollection<RegistrationEvent> events, CancellationToken cancellationToken = default) =>
        BatchInsert.ExecuteAsync(_database, InsertSql, events.Select(ToRow).ToList(), cancellationToken);

    /// <summary>The newest events first, optionally for one extension only.</summary>
    public async Task<IReadOnlyList<RegistrationEvent>> ListAsync(string? extension, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, occurred_at AS OccurredAt, extension AS Extension, contact AS Contact,
                   source_address AS SourceAddress, transport AS Transport, user_agent AS UserAgent,
                   outcome AS Outcome, call_id AS CallId, detail AS Detail
            FROM registration_events
            WHERE @Extension IS NULL OR extension = @Extension
            ORDER BY occurred_at DESC, id DESC
            LIMIT @Limit
            """,
            new { Extension = extension, Limit = limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(FromRow).ToList();
    }

    private static Row ToRow(RegistrationEvent e) => new()
    {
        OccurredAt = StorageTime.ToText(e.OccurredAt),
        Extension = e.Extension,
        Contact = e.Contact,
        SourceAddress = e.SourceAddress,
        Transport = e.Transport,
        UserAgent = e.UserAgent,
        Outcome = e.Outcome.ToString(),
        CallId = e.CallId,
        Detail = e.Detail,
    };

    private static RegistrationEvent FromRow(Row row) =>
        new(StorageTime.FromText(row.OccurredAt), row.Extension, row.Contact, row.SourceAddress, row.Transport,
            row.UserAgent, Enum.Parse<RegistrationOutcome>(row.Outcome), row.CallId, row.Detail)
        {
            Id = row.Id,
        };

    // The column shape as SQLite sees it: outcome and time as text.
    private sealed class Row
    {
        public long Id { get; set; }
        public string OccurredAt { get; set; } = "";
        public string Extension { get; set; } = "";
        public string? Contact { get; set; }
        public string? SourceAddress { get; set; }
        public string? Transport { get; set; }
        public string? UserAgent { get; set; }
        public string Outcome { get; set; } = "";
        public string? CallId { get; set; }
        public string? Detail { get; set; }
    }
}
