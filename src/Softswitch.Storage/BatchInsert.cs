using Dapper;
using Microsoft.Data.Sqlite;

namespace Softswitch.Storage;

/// <summary>Runs one insert per row inside a single transaction: one fsync for the lot.</summary>
public static class BatchInsert
{
    /// <summary>Executes <paramref name="sql"/> once per parameter object in <paramref name="rows"/>, all in one transaction.</summary>
    public static async Task ExecuteAsync(SqliteDatabase database, string sql, IReadOnlyCollection<object> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The rows as one collection: Dapper then runs one command for all of them, so SQLite compiles the statement
        // once per batch instead of once per row (most of a call record's garbage was the per-row command).
        await connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
