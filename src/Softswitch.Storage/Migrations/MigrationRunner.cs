using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Storage.Migrations;

/// <summary>
/// Brings a database up to the newest schema: reads <c>schema_version</c>, applies each missing
/// migration in its own transaction, and refuses a database newer than the code.
/// Running it again is a no-op.
/// </summary>
public sealed class MigrationRunner
{
    private readonly SqliteDatabase _database;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<MigrationRunner> _logger;

    /// <summary>Creates a runner for the given migrations (defaults to <see cref="SchemaMigrations.All"/>).</summary>
    public MigrationRunner(
        SqliteDatabase database,
        IReadOnlyList<Migration>? migrations = null,
        TimeProvider? timeProvider = null,
        ILogger<MigrationRunner>? logger = null)
    {
        _database = database;
        _migrations = migrations ?? SchemaMigrations.All;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<MigrationRunner>.Instance;
        for (var i = 0; i < _migrations.Count; i++)
        {
            if (_migrations[i].Version != i + 1)
            {
                throw new ArgumentException($"migration versions must be 1, 2, 3… without gaps; found {_migrations[i].Version} at position {i + 1}", nameof(migrations));
            }
        }
    }

    /// <summary>Highest version the code knows.</summary>
    public int CodeVersion => _migrations.Count;

    /// <summary>Applies pending migrations and returns the resulting schema version.</summary>
    /// <exception cref="DatabaseTooNewException">The file was migrated by a newer build.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_at  TEXT NOT NULL
            );
            """).ConfigureAwait(false);

        var current = await CurrentVersionAsync(connection).ConfigureAwait(false);
        if (current > CodeVersion)
        {
            throw new DatabaseTooNewException(_database.FilePath, current, CodeVersion);
        }

        foreach (var migration in _migrations.Where(m => m.Version > current))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ApplyAsync(connection, migration).ConfigureAwait(false);
            current = migration.Version;
        }

        return current;
    }

    /// <summary>Reads the schema version of the database (0 when nothing was applied yet).</summary>
    public async Task<int> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var exists = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").ConfigureAwait(false);
        return exists == 0 ? 0 : await CurrentVersionAsync(connection).ConfigureAwait(false);
    }

    private static Task<int> CurrentVersionAsync(SqliteConnection connection) =>
        connection.ExecuteScalarAsync<int>("SELECT coalesce(max(version), 0) FROM schema_version");

    private async Task ApplyAsync(SqliteConnection connection, Migration migration)
    {
        // Microsoft.Data.Sqlite begins IMMEDIATE by default: the write lock is taken up front, so two
        // processes starting at once serialise here and the second sees the version the first wrote.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        var applied = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM schema_version WHERE version = @Version", new { migration.Version }, transaction).ConfigureAwait(false);
        if (applied > 0)
        {
            return;
        }

        await connection.ExecuteAsync(migration.Sql, transaction: transaction).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (@Version, @Description, @AppliedAt)",
            new
            {
                migration.Version,
                migration.Description,
                AppliedAt = _timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            },
            transaction).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
        _logger.LogInformation("Database {Database} migrated to schema version {Version} ({Description})",
            _database.FilePath, migration.Version, migration.Description);
    }
}
