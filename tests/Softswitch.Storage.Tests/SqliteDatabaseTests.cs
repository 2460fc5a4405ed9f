using Dapper;

namespace Softswitch.Storage.Tests;

public sealed class SqliteDatabaseTests
{
    [Test]
    public async Task Connections_use_wal_journal_mode_and_foreign_keys()
    {
        using var temp = new TempFolder();
        var database = new SqliteDatabase(temp.File("wal.db"));

        await using var connection = await database.OpenConnectionAsync();
        var journalMode = await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode");
        var foreignKeys = await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys");
        var synchronous = await connection.ExecuteScalarAsync<long>("PRAGMA synchronous");
        var busyTimeout = await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout");

        Assert.That(journalMode, Is.EqualTo("wal"));
        Assert.That(foreignKeys, Is.EqualTo(1));
        Assert.That(synchronous, Is.EqualTo(1), "1 is NORMAL");
        Assert.That(busyTimeout, Is.EqualTo(5000));
    }

    [Test]
    public async Task Missing_folders_are_created()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "a", "b", "nested.db");
        var database = new SqliteDatabase(path, TimeSpan.FromMilliseconds(1500));

        await using var connection = await database.OpenConnectionAsync();

        Assert.That(File.Exists(path), Is.True);
        Assert.That(database.FilePath, Is.EqualTo(Path.GetFullPath(path)));
        Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"), Is.EqualTo(1500));
    }
}
