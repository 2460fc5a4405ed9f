using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Storage.Migrations;
using Softswitch.Storage.Voicemail;

namespace Softswitch.Storage.Tests;

public sealed class VoicemailRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_message_round_trips_with_its_id()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var message = Message("1001", "1002", Now);

        var id = await repository.AddAsync(message);

        Assert.That(await repository.FindAsync(id), Is.EqualTo(message with { Id = id }));
    }

    [Test]
    public async Task A_box_lists_new_messages_first_then_saved_and_never_deleted_ones()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var savedEarly = await repository.AddAsync(Message("1001", "1002", Now));
        var newLate = await repository.AddAsync(Message("1001", "1003", Now.AddMinutes(2)));
        var newEarly = await repository.AddAsync(Message("1001", "1004", Now.AddMinutes(1)));
        var deleted = await repository.AddAsync(Message("1001", "1005", Now.AddMinutes(3)));
        await repository.AddAsync(Message("1002", "1001", Now));
        await repository.SetStateAsync(savedEarly, VoicemailState.Saved, Now.AddHours(1));
        await repository.SetStateAsync(deleted, VoicemailState.Deleted, Now.AddHours(1));

        var listed = await repository.ListAsync("1001");

        Assert.That(listed.Select(m => m.Id), Is.EqualTo(new[] { newEarly, newLate, savedEarly }));
        Assert.That(listed[2].State, Is.EqualTo(VoicemailState.Saved));
        Assert.That(listed[2].ChangedAt, Is.EqualTo(Now.AddHours(1)));
    }

    [Test]
    public async Task Counts_are_per_box_without_deleted_messages()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        await repository.AddAsync(Message("1001", "1002", Now));
        var saved = await repository.AddAsync(Message("1001", "1003", Now));
        var deleted = await repository.AddAsync(Message("1002", "1003", Now));
        await repository.SetStateAsync(saved, VoicemailState.Saved, Now);
        await repository.SetStateAsync(deleted, VoicemailState.Deleted, Now);

        Assert.That(await repository.CountAsync(), Is.EqualTo(new[] { new VoicemailBoxCounts("1001", 1, 1) }));
    }

    [Test]
    public async Task Changing_a_message_that_does_not_exist_says_so()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);

        Assert.That(await repository.SetStateAsync(42, VoicemailState.Saved, Now), Is.False);
    }

    private static StoredVoicemailMessage Message(string box, string caller, DateTimeOffset at) =>
        new(box, caller, "Caller " + caller, "0193a0b1-0000-7000-8000-" + caller.PadLeft(12, '0'), at, 4.5, $"{box}/{at:yyyyMMdd-HHmmss}.wav",
            VoicemailState.New, at, at);

    private static async Task<VoicemailRepository> CreateAsync(TempFolder temp)
    {
        var database = new SqliteDatabase(temp.File("softswitch.db"));
        await new MigrationRunner(database, logger: NullLogger<MigrationRunner>.Instance).MigrateAsync();
        return new VoicemailRepository(database);
    }
}
