using Dapper;
using Microsoft.Data.Sqlite;

namespace Softswitch.Storage.Bindings;

/// <summary>Reads and writes <c>registrations</c>: the registrar's bindings, kept across restarts.</summary>
public sealed class BindingRepository(SqliteDatabase database)
{
    private const string UpsertSql =
        """
        INSERT OR REPLACE INTO registrations
            (extension, binding_key, contact, expires_at, call_id, cseq, transport, source_address, user_agent,
             instance_id, reg_id, registered_at, refreshed_at)
        VALUES
            (@Extension, @BindingKey, @Contact, @ExpiresAt, @CallId, @CSeq, @Transport, @SourceAddress, @UserAgent,
             @InstanceId, @RegId, @RegisteredAt, @RefreshedAt)
        """;

    private const string DeleteSql = "DELETE FROM registrations WHERE extension = @Extension AND binding_key = @BindingKey";

    /// <summary>Applies the writes in order, in one transaction: one fsync for the lot.</summary>
    public async Task ApplyAsync(IReadOnlyCollection<BindingWrite> writes, CancellationToken cancellationToken = default)
    {
        if (writes.Count == 0) return;
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var write in writes)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                write.Delete ? DeleteSql : UpsertSql, ToRow(write.Binding), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the bindings that expired by <paramref name="now"/> (the process was down when they ran out) and returns
    /// the others, oldest registration first: what the registrar restores at start-up.
    /// </summary>
    public async Task<IReadOnlyList<StoredBinding>> TakeLiveAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var cutoff = new { Now = StorageTime.ToText(now) };
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM registrations WHERE expires_at <= @Now", cutoff, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT extension AS Extension, binding_key AS BindingKey, contact AS Contact, expires_at AS ExpiresAt,
                   call_id AS CallId, cseq AS CSeq, transport AS Transport, source_address AS SourceAddress,
                   user_agent AS UserAgent, instance_id AS InstanceId, reg_id AS RegId,
                   registered_at AS RegisteredAt, refreshed_at AS RefreshedAt
            FROM registrations
            ORDER BY extension, registered_at, binding_key
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(FromRow).ToList();
    }

    private static Row ToRow(StoredBinding b) => new()
    {
        Extension = b.Extension,
        BindingKey = b.BindingKey,
        Contact = b.Contact,
        ExpiresAt = StorageTime.ToText(b.ExpiresAt),
        CallId = b.CallId,
        CSeq = b.CSeq,
        Transport = b.Transport,
        SourceAddress = b.SourceAddress,
        UserAgent = b.UserAgent,
        InstanceId = b.InstanceId,
        RegId = b.RegId,
        RegisteredAt = StorageTime.ToText(b.RegisteredAt),
        RefreshedAt = StorageTime.ToText(b.RefreshedAt),
    };

    private static StoredBinding FromRow(Row r) =>
        new(r.Extension, r.BindingKey, r.Contact, StorageTime.FromText(r.ExpiresAt), r.CallId, r.CSeq, r.Transport,
            r.SourceAddress, r.UserAgent, r.InstanceId, r.RegId is { } regId ? (int)regId : null,
            StorageTime.FromText(r.RegisteredAt), StorageTime.FromText(r.RefreshedAt));

    // The column shape as SQLite sees it: times as text, integers as 64-bit.
    private sealed class Row
    {
        public string Extension { get; set; } = "";
        public string BindingKey { get; set; } = "";
        public string Contact { get; set; } = "";
        public string ExpiresAt { get; set; } = "";
        public string CallId { get; set; } = "";
        public long CSeq { get; set; }
        public string Transport { get; set; } = "";
        public string SourceAddress { get; set; } = "";
        public string? UserAgent { get; set; }
        public string? InstanceId { get; set; }
        public long? RegId { get; set; }
        public string RegisteredAt { get; set; } = "";
        public string RefreshedAt { get; set; } = "";
    }
}
