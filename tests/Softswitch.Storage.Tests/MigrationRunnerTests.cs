using Dapper;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Storage.Migrations;

namespace Softswitch.Storage.Tests;

public sealed class MigrationRunnerTests
{
    [Test]
    public async Task Fresh_database_is_migrated_to_the_code_version()
    {
        using var temp = new TempFolder();
        var database = new SqliteDatabase(temp.File("m.db"));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var runner = new MigrationRunner(database, timeProvider: time);

        Assert.That(await runner.GetVersionAsync(), Is.EqualTo(0));
        var version = await runner.MigrateAsync();

        Assert.That(version, Is.EqualTo(SchemaMigrations.All.Count));
        await using var connection = await database.OpenConnectionAsync();
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name")).ToList();
        Assert.That(tables, Does.Contain("registration_events"));
        Assert.That(tables, Does.Contain("ix_registration_events_extension_occurred_at"));
        var appliedAt = await connection.ExecuteScalarAsync<string>("SELECT applied_at FROM schema_version WHERE version = 1");
        Assert.That(appliedAt, Is.EqualTo("2026-11-23T12:00:00.000Z"));
    }

    [Test]
    public async Task Running_migrations_twice_changes_nothing()
    {
        using var temp = new TempFolder();
        var database = new SqliteDatabase(temp.File("m.db"));

        var first = await new MigrationRunner(database).MigrateAsync();
        var second = await new MigrationRunner(database).MigrateAsync();

        Assert.That(second, Is.EqualTo(first));
        await using var connection = await database.OpenConnectionAsync();
        var rows = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_version");
        Assert.That(rows, Is.EqualTo(SchemaMigrations.All.Count));
    }

    [Test]
    public async Task Only_missing_migrations_are_applied_to_an_older_database()
    {
        using var temp = new TempFolder();
        var database = new SqliteDatabase(temp.File("m.db"));
        var v1 = new[] { new Migration(1, "one", "CREATE TABLE one (x INTEGER);") };
        var v2 = new[] { v1[0], new Migration(2, "two", "CREATE TABLE two (y INTEGER);") };

        await new MigrationRunner(database, v1).MigrateAsync();
        var version = await new MigrationRunner(database, v2).MigrateAsync();

        Assert.That(version, Is.EqualTo(2));
        await using var connection = await database.OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE name = 'two'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Database_newer_than_the_code_is_refused()
    {
        using var temp = new TempFolder();
        var database = new SqliteDatabase(temp.File("m.db"));
        var newer = new[] { new Migration(1, "one", "CREATE TABLE one (x INTEGER);"), new Migration(2, "two", "CREATE TABLE two (y INTEGER);") };
        await new MigrationRunner(database, newer).MigrateAsync();

        var older = new MigrationRunner(database, newer.Take(1).ToArray());
        var error = Assert.ThrowsAsync<DatabaseTooNewException>(() => older.MigrateAsync());

        Assert.That(error!.DatabaseVersion, Is.EqualTo(2));
        Assert.That(error.CodeVersion, Is.EqualTo(1));
        Assert.That(error.Message, Does.Contain(database.FilePath));
    }

    [Test]
    public async Task Failing_migration_is_rolled_back_entirely()
    {
        using var temp = new TempFolder();
        var database = new SqliteDatabase(temp.File("m.db"));
        var broken = new[] { new Migration(1, "broken", "CREATE TABLE half (x INTEGER); THIS IS NOT SQL;") };

        Assert.That(() => new MigrationRunner(database, broken).MigrateAsync(), Throws.Exception);

        await using var connection = await database.OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE name = 'half'"), Is.EqualTo(0));
        Assert.That(await new MigrationRunner(database, broken).GetVersionAsync(), Is.EqualTo(0));
    }

    [Test]
    public void Migration_versions_with_gaps_are_a_programming_error()
    {
        using var temp = new TempFolder();
        var database = new SqliteDatabase(temp.File("m.db"));
        var gap = new[] { new Migration(1, "one", "SELECT 1;"), new Migration(3, "three", "SELECT 1;") };

        Assert.That(() => new MigrationRunner(database, gap), Throws.ArgumentException);
    }
}
