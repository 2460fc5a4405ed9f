using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Storage.Migrations;
using Softswitch.Storage.QueueEvents;
using Softswitch.Storage.Retention;

namespace Softswitch.Storage.Tests;

public sealed class QueueEventRepositoryTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task An_event_reads_back_with_every_column_and_its_time_to_the_millisecond()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var stored = new StoredQueueEvent(new DateTimeOffset(2026, 12, 6, 17, 30, 1, 234, TimeSpan.FromHours(8)), "abandon")
        {
            CallId = "c-1", Queue = "support", Agent = "1002", CallerNumber = "+60312345678", Position = 3,
            WaitMilliseconds = 41_250, TalkMilliseconds = 7, Detail = "a, \"quoted\" detail",
        };

        await repository.AddBatchAsync([stored]);
        var read = await ListAsync(repository, Nine, Nine.AddHours(1));

        Assert.That(read.Single() with { Id = 0 }, Is.EqualTo(stored with { OccurredAt = stored.OccurredAt.ToUniversalTime() }));
        Assert.That(read.Single().Id, Is.GreaterThan(0));
    }

    [Test]
    public async Task A_range_holds_the_events_from_its_start_up_to_not_including_its_end_oldest_first()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        await repository.AddBatchAsync(
        [
            new StoredQueueEvent(Nine.AddMinutes(60), "connect"),
            new StoredQueueEvent(Nine.AddMinutes(30), "enter"),
            new StoredQueueEvent(Nine, "login") { Agent = "1002" },
            new StoredQueueEvent(Nine.AddMilliseconds(-1), "logout") { Agent = "1002" },
        ]);

        var read = await ListAsync(repository, Nine, Nine.AddHours(1));

        Assert.That(read.Select(e => e.Kind), Is.EqualTo(new[] { "login", "enter" }));
    }

    [Test]
    public async Task The_batch_writer_stores_every_queued_event_when_disposed()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var writer = new BackgroundBatchWriter<StoredQueueEvent>(rows => repository.AddBatchAsync(rows), "queue events",
            NullLogger.Instance, capacity: 1_000);

        for (var i = 0; i < 600; i++) Assert.That(writer.TryEnqueue(new StoredQueueEvent(Nine.AddSeconds(i), "offer") { CallId = "c" + i }));
        await writer.DisposeAsync();

        Assert.That(await ListAsync(repository, Nine, Nine.AddDays(1)), Has.Count.EqualTo(600));
    }

    [Test]
    public async Task Queue_events_go_with_the_call_records_retention_and_are_kept_without_one()
    {
        using var temp = new TempFolder();
        var database = new SqliteDatabase(temp.File("retention.db"));
        await new MigrationRunner(database).MigrateAsync();
        var repository = new QueueEventRepository(database);
        await repository.AddBatchAsync([new StoredQueueEvent(Nine.AddDays(-400), "enter"), new StoredQueueEvent(Nine.AddDays(-364), "connect")]);
        var time = new FakeTimeProvider(Nine);

        await using (var keeping = new RetentionSweeper(database, TimeSpan.FromDays(90), time, RetentionSweeper.TablesWith(TimeSpan.Zero)))
        {
            await keeping.SweepAsync();
        }

        Assert.That(await ListAsync(repository, DateTimeOffset.UnixEpoch, Nine), Has.Count.EqualTo(2), "no call-record retention: kept");
        await using var sweeper = new RetentionSweeper(database, TimeSpan.FromDays(90), time, RetentionSweeper.TablesWith(TimeSpan.FromDays(365)));
        var deleted = await sweeper.SweepAsync();
        Assert.That(deleted["queue_events"], Is.EqualTo(1));
        Assert.That((await ListAsync(repository, DateTimeOffset.UnixEpoch, Nine)).Single().Kind, Is.EqualTo("connect"));
    }

    private static async Task<List<StoredQueueEvent>> ListAsync(QueueEventRepository repository, DateTimeOffset since, DateTimeOffset until)
    {
        var events = new List<StoredQueueEvent>();
        await foreach (var e in repository.ListAsync(since, until)) events.Add(e);
        return events;
    }

    private static async Task<QueueEventRepository> CreateAsync(TempFolder temp)
    {
        var database = new SqliteDatabase(temp.File("queue-events.db"));
        await new MigrationRunner(database).MigrateAsync();
        return new QueueEventRepository(database);
    }
}
