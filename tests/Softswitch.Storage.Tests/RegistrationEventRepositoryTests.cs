using Softswitch.Storage.Migrations;
using Softswitch.Storage.Registrations;

namespace Softswitch.Storage.Tests;

public sealed class RegistrationEventRepositoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    internal static RegistrationEvent Sample(string extension, int secondsAfterStart, RegistrationOutcome outcome = RegistrationOutcome.Registered) =>
        new(Start.AddSeconds(secondsAfterStart), extension, $"sip:{extension}@192.0.2.7:5062", "192.0.2.7:5062", "udp",
            "Linphone/5.2", outcome, $"call-{extension}-{secondsAfterStart}", outcome == RegistrationOutcome.Rejected ? "interval too brief" : null);

    [Test]
    public async Task Event_round_trips_with_every_field()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var stored = new RegistrationEvent(
            new DateTimeOffset(2026, 11, 23, 12, 34, 56, 789, TimeSpan.FromHours(8)), "1001", "sip:1001@10.0.0.5:5060;transport=tcp",
            "10.0.0.5:40123", "tcp", "Zoiper 5", RegistrationOutcome.AuthenticationFailed, "abc@10.0.0.5", "wrong password");

        var id = await repository.AddAsync(stored);
        var read = (await repository.ListAsync("1001", 10)).Single();

        Assert.That(id, Is.GreaterThan(0));
        Assert.That(read, Is.EqualTo(stored with { Id = id }));
        Assert.That(read.OccurredAt.Offset, Is.EqualTo(TimeSpan.Zero), "stored as UTC");
        Assert.That(read.OccurredAt, Is.EqualTo(stored.OccurredAt), "same instant");
    }

    [Test]
    public async Task Null_optional_fields_round_trip_as_null()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var stored = new RegistrationEvent(Start, "1002", null, null, null, null, RegistrationOutcome.Unregistered, null, null);

        var id = await repository.AddAsync(stored);

        Assert.That((await repository.ListAsync(null, 5)).Single(), Is.EqualTo(stored with { Id = id }));
    }

    [Test]
    public async Task List_filters_by_extension_newest_first_and_honours_the_limit()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        await repository.AddBatchAsync([Sample("1001", 1), Sample("1002", 2), Sample("1001", 3), Sample("1001", 4), Sample("1003", 5)]);

        var forOne = await repository.ListAsync("1001", 2);
        var all = await repository.ListAsync(null, 100);

        Assert.That(forOne.Select(e => e.OccurredAt), Is.EqualTo(new[] { Start.AddSeconds(4), Start.AddSeconds(3) }));
        Assert.That(all.Select(e => e.Extension), Is.EqualTo(new[] { "1003", "1001", "1001", "1002", "1001" }));
    }

    [Test]
    public async Task Empty_batch_writes_nothing()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);

        await repository.AddBatchAsync([]);

        Assert.That(await repository.ListAsync(null, 10), Is.Empty);
    }

    internal static async Task<RegistrationEventRepository> CreateAsync(TempFolder temp)
    {
        var database = new SqliteDatabase(temp.File("events.db"));
        await new MigrationRunner(database).MigrateAsync();
        return new RegistrationEventRepository(database);
    }
}
