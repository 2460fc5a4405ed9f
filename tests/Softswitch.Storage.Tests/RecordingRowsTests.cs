using Softswitch.Storage.Migrations;
using Softswitch.Storage.Recordings;

namespace Softswitch.Storage.Tests;

public sealed class RecordingRowsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 23, 40, 1, 250, TimeSpan.Zero);

    [Test]
    public async Task Two_recordings_of_one_call_id_are_two_rows_naming_their_own_files()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var first = Sample("victim@phone", "0193a1b2c3d47e8f9a0b1c2d3e4f5a6b", Start);
        var second = Sample("victim@phone", "0193a1b2c3d47e8f9a0b1c2d3e4f5a6c", Start.AddMinutes(1));
        var writer = new BackgroundBatchWriter<StoredRecording>(rows => repository.AddBatchAsync(rows), "recording rows",
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, capacity: 100);

        Assert.That(writer.TryEnqueue(first), Is.True);
        Assert.That(writer.TryEnqueue(second), Is.True);
        await writer.DisposeAsync();

        var rows = await repository.ListByCallIdAsync("victim@phone");
        Assert.That(rows.Select(r => r with { Id = 0 }), Is.EqualTo(new[] { first, second }));
        Assert.That(rows.Select(r => r.Id).Distinct().Count(), Is.EqualTo(2));
        Assert.That(writer.WrittenCount, Is.EqualTo(2));
    }

    [Test]
    public async Task A_second_row_for_the_same_file_is_refused_by_the_schema()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var row = Sample("a@b", "0193a1b2c3d47e8f9a0b1c2d3e4f5a6b", Start);
        await repository.AddBatchAsync([row]);

        Assert.That(() => repository.AddBatchAsync([row with { CallUuid = "other" }]), Throws.InstanceOf<Microsoft.Data.Sqlite.SqliteException>());
        Assert.That(await repository.ListByCallIdAsync("a@b"), Has.Count.EqualTo(1));
    }

    private static StoredRecording Sample(string callId, string uuid, DateTimeOffset startedAt) =>
        new(callId, uuid, $"2026/12/05/{startedAt:yyyyMMdd-HHmmss}-{uuid}.wav", startedAt, startedAt.AddSeconds(7.5), 7500, 2, 8000, 0, "1001", "*43");

    private static async Task<RecordingRepository> CreateAsync(TempFolder temp)
    {
        var database = new SqliteDatabase(temp.File("recordings.db"));
        await new MigrationRunner(database).MigrateAsync();
        return new RecordingRepository(database);
    }
}
