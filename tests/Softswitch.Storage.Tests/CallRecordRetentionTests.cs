using Microsoft.Extensions.Time.Testing;
using Softswitch.Storage.CallRecords;
using Softswitch.Storage.Migrations;
using Softswitch.Storage.Retention;

namespace Softswitch.Storage.Tests;

/// <summary>Call records are billing history: the retention sweep leaves them alone unless they have their own retention.</summary>
public sealed class CallRecordRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task The_default_sweep_keeps_call_records_of_any_age()
    {
        using var temp = new TempFolder();
        var (database, calls) = await CreateAsync(temp);
        await calls.AddBatchAsync([CallRecordRepositoryTests.Sample("old", Now.AddYears(-5)), CallRecordRepositoryTests.Sample("new", Now)]);
        await using var sweeper = new RetentionSweeper(database, TimeSpan.FromDays(90), new FakeTimeProvider(Now),
            RetentionSweeper.TablesWith(TimeSpan.Zero));

        var deleted = await sweeper.SweepAsync();

        Assert.That(deleted.ContainsKey("calls"), Is.False, "calls is not swept");
        Assert.That(await UuidsAsync(calls), Is.EqualTo(new[] { "old", "new" }));
    }

    [Test]
    public async Task Their_own_retention_deletes_the_calls_started_before_it_whatever_the_general_one()
    {
        using var temp = new TempFolder();
        var (database, calls) = await CreateAsync(temp);
        await calls.AddBatchAsync([
            CallRecordRepositoryTests.Sample("too-old", Now.AddDays(-400)),
            CallRecordRepositoryTests.Sample("kept", Now.AddDays(-364)),
        ]);
        await using var sweeper = new RetentionSweeper(database, TimeSpan.FromDays(90), new FakeTimeProvider(Now),
            RetentionSweeper.TablesWith(TimeSpan.FromDays(365)));

        var deleted = await sweeper.SweepAsync();

        Assert.That(deleted["calls"], Is.EqualTo(1));
        Assert.That(await UuidsAsync(calls), Is.EqualTo(new[] { "kept" }), "365 days, not the general 90");
    }

    private static async Task<List<string>> UuidsAsync(CallRecordRepository calls)
    {
        var uuids = new List<string>();
        await foreach (var call in calls.ListAsync(DateTimeOffset.UnixEpoch)) uuids.Add(call.CallUuid);
        return uuids;
    }

    private static async Task<(SqliteDatabase, CallRecordRepository)> CreateAsync(TempFolder temp)
    {
        var database = new SqliteDatabase(temp.File("retention.db"));
        await new MigrationRunner(database).MigrateAsync();
        return (database, new CallRecordRepository(database));
    }
}
