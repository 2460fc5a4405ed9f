using Dapper;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Storage.Migrations;
using Softswitch.Storage.Registrations;
using Softswitch.Storage.Retention;

namespace Softswitch.Storage.Tests;

public sealed class RetentionSweeperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Start_deletes_events_older_than_the_retention_and_keeps_the_rest()
    {
        using var temp = new TempFolder();
        var (database, events) = await CreateAsync(temp);
        await events.AddBatchAsync([Event(Now.AddDays(-91)), Event(Now.AddDays(-90).AddSeconds(-1)), Event(Now.AddDays(-89)), Event(Now)]);
        var clock = new FakeTimeProvider(Now);
        await using var sweeper = new RetentionSweeper(database, TimeSpan.FromDays(90), clock);

        await sweeper.StartAsync();

        var left = await events.ListAsync(null, 10);
        Assert.That(left.Select(e => e.OccurredAt), Is.EqualTo(new[] { Now, Now.AddDays(-89) }));
    }

    [Test]
    public async Task The_sweep_runs_again_every_day()
    {
        using var temp = new TempFolder();
        var (database, events) = await CreateAsync(temp);
        await events.AddBatchAsync([Event(Now.AddDays(-89).AddHours(-12)), Event(Now.AddDays(-80))]);
        var clock = new FakeTimeProvider(Now);
        await using var sweeper = new RetentionSweeper(database, TimeSpan.FromDays(90), clock);
        await sweeper.StartAsync();
        Assert.That(await events.ListAsync(null, 10), Has.Count.EqualTo(2), "nothing old enough yet");

        clock.Advance(TimeSpan.FromDays(1));

        Assert.That(() => events.ListAsync(null, 10).GetAwaiter().GetResult().Count, Is.EqualTo(1).After(5000, 20),
            "a day later the first event is over 90 days old");
    }

    [Test]
    public async Task Listed_tables_that_do_not_exist_are_skipped_and_conditions_are_honoured()
    {
        using var temp = new TempFolder();
        var (database, _) = await CreateAsync(temp);
        await using (var connection = await database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                CREATE TABLE bans (address TEXT, started_at TEXT, ended_at TEXT);
                INSERT INTO bans VALUES ('192.0.2.1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:10:00.000Z'),
                                        ('192.0.2.2', '2026-01-01T00:00:00.000Z', NULL);
                """);
        }
        var tables = new[] { new RetainedTable("no_such_table", "at"), new RetainedTable("bans", "started_at", "ended_at IS NOT NULL") };
        await using var sweeper = new RetentionSweeper(database, TimeSpan.FromDays(90), new FakeTimeProvider(Now), tables);

        var deleted = await sweeper.SweepAsync();

        Assert.That(deleted, Is.EqualTo(new Dictionary<string, int> { ["bans"] = 1 }));
        await using var check = await database.OpenConnectionAsync();
        Assert.That(await check.QueryAsync<string>("SELECT address FROM bans"), Is.EqualTo(new[] { "192.0.2.2" }), "a ban still in force stays");
    }

    [Test]
    public async Task Ended_bans_older_than_the_retention_go_and_bans_in_force_stay()
    {
        using var temp = new TempFolder();
        var (database, _) = await CreateAsync(temp);
        await using (var connection = await database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO security_bans (address, banned_at, until, reason, failures, lifted_at, lifted_by) VALUES
                  ('192.0.2.1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:10:00.000Z', 'failed auth', 10, '2026-01-01T00:10:00.000Z', 'expired'),
                  ('192.0.2.2', '2026-11-23T09:55:00.000Z', '2026-11-23T10:05:00.000Z', 'failed auth', 10, NULL, NULL);
                """);
        }
        await using var sweeper = new RetentionSweeper(database, TimeSpan.FromDays(90), new FakeTimeProvider(Now));

        await sweeper.StartAsync();

        await using var check = await database.OpenConnectionAsync();
        Assert.That(await check.QueryAsync<string>("SELECT address FROM security_bans"), Is.EqualTo(new[] { "192.0.2.2" }));
    }

    private static RegistrationEvent Event(DateTimeOffset at) =>
        new(at, "1001", null, "192.0.2.7:5062", "udp", null, RegistrationOutcome.AuthenticationFailed, null, null);

    private static async Task<(SqliteDatabase, RegistrationEventRepository)> CreateAsync(TempFolder temp)
    {
        var database = new SqliteDatabase(temp.File("retention.db"));
        await new MigrationRunner(database).MigrateAsync();
        return (database, new RegistrationEventRepository(database));
    }
}
