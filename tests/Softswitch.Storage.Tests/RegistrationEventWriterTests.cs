using Softswitch.Storage.Migrations;
using Softswitch.Storage.Registrations;

namespace Softswitch.Storage.Tests;

public sealed class RegistrationEventWriterTests
{
    [Test]
    public async Task Dispose_flushes_every_queued_event()
    {
        using var temp = new TempFolder();
        var repository = await RegistrationEventRepositoryTests.CreateAsync(temp);
        var writer = new RegistrationEventWriter(repository);

        for (var i = 0; i < 1000; i++)
        {
            Assert.That(writer.TryEnqueue(RegistrationEventRepositoryTests.Sample("10" + (i % 5), i)), Is.True);
        }

        await writer.DisposeAsync();

        Assert.That(writer.WrittenCount, Is.EqualTo(1000));
        Assert.That(writer.DroppedCount, Is.EqualTo(0));
        Assert.That(await repository.ListAsync(null, 5000), Has.Count.EqualTo(1000));
    }

    [Test]
    public async Task Events_after_dispose_are_refused_and_counted()
    {
        using var temp = new TempFolder();
        var repository = await RegistrationEventRepositoryTests.CreateAsync(temp);
        var writer = new RegistrationEventWriter(repository);
        await writer.DisposeAsync();

        var accepted = writer.TryEnqueue(RegistrationEventRepositoryTests.Sample("1001", 1));

        Assert.That(accepted, Is.False);
        Assert.That(writer.DroppedCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Full_queue_drops_instead_of_blocking()
    {
        using var temp = new TempFolder();
        var database = new SqliteDatabase(temp.File("events.db"));
        await new MigrationRunner(database).MigrateAsync();
        // Hold the write lock so the consumer cannot drain while we fill the queue.
        await using var blocker = await database.OpenConnectionAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        var writer = new RegistrationEventWriter(new RegistrationEventRepository(new SqliteDatabase(database.FilePath, TimeSpan.FromSeconds(30))), capacity: 2);
        var results = Enumerable.Range(0, 50).Select(i => writer.TryEnqueue(RegistrationEventRepositoryTests.Sample("1001", i))).ToList();

        // At most the queue bound plus the one batch the consumer already took can be accepted.
        Assert.That(results.Count(accepted => accepted), Is.InRange(2, 2 + 2));
        Assert.That(writer.DroppedCount, Is.EqualTo(results.Count(accepted => !accepted)));

        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        await writer.DisposeAsync();
        var stored = await new RegistrationEventRepository(database).ListAsync(null, 100);
        Assert.That(stored, Has.Count.EqualTo(results.Count(accepted => accepted)));
    }

    [Test]
    public async Task Storage_failure_is_logged_as_dropped_and_the_writer_keeps_going()
    {
        using var temp = new TempFolder();
        // No migrations: the table does not exist, so the insert fails.
        var repository = new RegistrationEventRepository(new SqliteDatabase(temp.File("empty.db")));
        var writer = new RegistrationEventWriter(repository);

        writer.TryEnqueue(RegistrationEventRepositoryTests.Sample("1001", 1));
        await writer.DisposeAsync();

        Assert.That(writer.DroppedCount, Is.EqualTo(1));
        Assert.That(writer.WrittenCount, Is.EqualTo(0));
    }
}
