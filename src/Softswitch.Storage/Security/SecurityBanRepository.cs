using Dapper;

namespace Softswitch.Storage.Security;

/// <summary>
/// Reads and writes <c>security_bans</c>. The running switch adds a row per ban and closes it when the ban ends;
/// <c>softswitch security unban</c> closes it from another process, and the switch notices on its next sweep.
/// </summary>
public sealed class SecurityBanRepository(SqliteDatabase database)
{
    /// <summary><c>lifted_by</c> of a ban whose time ran out.</summary>
    public const string Expired = "expired";

    private const string Columns =
        """
        address AS Address, banned_at AS BannedAt, until AS Until, reason AS Reason, failures AS Failures,
        lifted_at AS LiftedAt, lifted_by AS LiftedBy
        """;

    /// <summary>Stores a new ban.</summary>
    public async Task AddAsync(SecurityBanRecord ban, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO security_bans (address, banned_at, until, reason, failures, lifted_at, lifted_by)
            VALUES (@Address, @BannedAt, @Until, @Reason, @Failures, @LiftedAt, @LiftedBy)
            """,
            ToRow(ban), cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Closes the ban of <paramref name="address"/> that started at <paramref name="bannedAt"/>, unless it was closed already.</summary>
    public async Task EndAsync(string address, DateTimeOffset bannedAt, DateTimeOffset endedAt, string endedBy,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE security_bans SET lifted_at = @EndedAt, lifted_by = @EndedBy WHERE address = @Address AND banned_at = @BannedAt AND lifted_at IS NULL",
            new { Address = address, BannedAt = StorageTime.ToText(bannedAt), EndedAt = StorageTime.ToText(endedAt), EndedBy = endedBy },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Lifts every ban of <paramref name="address"/> in force at <paramref name="now"/>; returns how many.</summary>
    public async Task<int> LiftAsync(string address, DateTimeOffset now, string liftedBy, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE security_bans SET lifted_at = @Now, lifted_by = @LiftedBy WHERE address = @Address AND lifted_at IS NULL AND until > @Now",
            new { Address = address, Now = StorageTime.ToText(now), LiftedBy = liftedBy },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Bans in force at <paramref name="now"/>, oldest first.</summary>
    public Task<IReadOnlyList<SecurityBanRecord>> ListActiveAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        QueryAsync("lifted_at IS NULL AND until > @Now", now, cancellationToken);

    /// <summary>Bans lifted before their time that would still be in force at <paramref name="now"/>: the ones a running switch must drop.</summary>
    public Task<IReadOnlyList<SecurityBanRecord>> ListLiftedEarlyAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        QueryAsync("lifted_at IS NOT NULL AND until > @Now", now, cancellationToken);

    /// <summary>Closes bans that ran out while the switch was not running; returns how many.</summary>
    public async Task<int> CloseExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE security_bans SET lifted_at = until, lifted_by = @Expired WHERE lifted_at IS NULL AND until <= @Now",
            new { Now = StorageTime.ToText(now), Expired }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<SecurityBanRecord>> QueryAsync(string where, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM security_bans WHERE {where} ORDER BY banned_at, id",
            new { Now = StorageTime.ToText(now) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(FromRow).ToList();
    }

    private static Row ToRow(SecurityBanRecord ban) => new()
    {
        Address = ban.Address,
        BannedAt = StorageTime.ToText(ban.BannedAt),
        Until = StorageTime.ToText(ban.Until),
        Reason = ban.Reason,
        Failures = ban.Failures,
        LiftedAt = ban.LiftedAt is { } lifted ? StorageTime.ToText(lifted) : null,
        LiftedBy = ban.LiftedBy,
    };

    private static SecurityBanRecord FromRow(Row row) =>
        new(row.Address, StorageTime.FromText(row.BannedAt), StorageTime.FromText(row.Until), row.Reason, (int)row.Failures,
            row.LiftedAt is { } lifted ? StorageTime.FromText(lifted) : null, row.LiftedBy);

    // The column shape as SQLite sees it: times as text.
    private sealed class Row
    {
        public string Address { get; set; } = "";
        public string BannedAt { get; set; } = "";
        public string Until { get; set; } = "";
        public string Reason { get; set; } = "";
        public long Failures { get; set; }
        public string? LiftedAt { get; set; }
        public string? LiftedBy { get; set; }
    }
}
