using Microsoft.Data.Sqlite;

namespace Softswitch.Storage;

/// <summary>
/// Opens connections to the softswitch's SQLite file with the pragmas every connection needs:
/// WAL (readers never block the writer), synchronous=NORMAL (safe with WAL, far fewer fsyncs),
/// foreign keys on, and a busy timeout so concurrent writers wait instead of failing.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    /// <summary>Creates a factory for the database at <paramref name="path"/>; the folder is created when missing.</summary>
    /// <param name="path">Database file; relative paths resolve against the current directory.</param>
    /// <param name="busyTimeout">How long a connection waits for another writer's lock.</param>
    public SqliteDatabase(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5);
        var folder = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds),
        }.ToString();
    }

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>How long a connection waits on a locked database before giving up.</summary>
    public TimeSpan BusyTimeout { get; }

    /// <summary>Opens a connection with the softswitch pragmas applied. The caller disposes it.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            // journal_mode is stored in the file; the others are per connection, so set them every time.
            command.CommandText =
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; " +
                $"PRAGMA busy_timeout={(long)BusyTimeout.TotalMilliseconds};";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
