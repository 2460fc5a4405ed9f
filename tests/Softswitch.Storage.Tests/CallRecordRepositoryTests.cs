using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Storage.CallRecords;
using Softswitch.Storage.Migrations;

namespace Softswitch.Storage.Tests;

public sealed class CallRecordRepositoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 1, 30, 0, 125, TimeSpan.Zero);

    [Test]
    public async Task A_record_written_through_the_writer_reads_back_field_for_field()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var bridged = Sample("0193f0a1b2c37d4e8f9a0b1c2d3e4f50", Start) with
        {
            CallerName = "Reception, \"front\" desk",
            Callee = "1002",
            RouteTarget = "extension",
            CalleeLeg = new StoredCallLeg("b-leg@switch", "PCMA", "192.0.2.9:40002", 600, 598, 2, 3.25, null),
            RecordingPath = "2026/12/06/20261206-013000-0193f0a1b2c37d4e8f9a0b1c2d3e4f50.wav",
            ApplicationFields = "{\"ivr_flow\":\"main\",\"ivr_keys\":\"22\"}",
        };
        var unanswered = Sample("0193f0a1b2c37d4e8f9a0b1c2d3e4f51", Start.AddSeconds(5)) with
        {
            AnsweredAt = null,
            BillableSeconds = 0,
            HangupCause = "cancelled",
            SipStatus = 487,
            CallerLeg = null,
            RouteTarget = null,
            RouteMatch = null,
        };
        var writer = Writer(repository);

        Assert.That(writer.TryEnqueue(bridged), Is.True);
        Assert.That(writer.TryEnqueue(unanswered), Is.True);
        await writer.DisposeAsync();

        var rows = await ListAsync(repository, Start.AddMinutes(-1));
        Assert.That(rows.Select(r => r with { Id = 0 }), Is.EqualTo(new[] { bridged, unanswered }));
        Assert.That(rows.Select(r => r.Id), Is.All.GreaterThan(0));
        Assert.That(rows.Select(r => r.Id), Is.Unique);
        Assert.That(writer.WrittenCount, Is.EqualTo(2));
    }

    [Test]
    public async Task The_range_takes_calls_started_from_since_up_to_but_not_including_until_oldest_first()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var day = new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);
        // Stored out of order: the export sorts by start time.
        await repository.AddBatchAsync([
            Sample("late", day.AddHours(23).AddMinutes(59)),
            Sample("before", day.AddMilliseconds(-1)),
            Sample("first", day),
            Sample("next-day", day.AddDays(1)),
        ]);

        var sameDay = await ListAsync(repository, day, day.AddDays(1));
        var open = await ListAsync(repository, day);

        Assert.That(sameDay.Select(r => r.CallUuid), Is.EqualTo(new[] { "first", "late" }));
        Assert.That(open.Select(r => r.CallUuid), Is.EqualTo(new[] { "first", "late", "next-day" }));
    }

    [Test]
    public async Task A_queued_record_is_committed_without_waiting_for_more_records_or_for_shutdown()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        await using var writer = Writer(repository);

        // The first row pays for compiling the insert path; the second is what every later call sees.
        var first = await TimeToCommitAsync(temp, writer, Sample("0193f0a1b2c37d4e8f9a0b1c2d3e4f52", Start), expectedRows: 1);
        var second = await TimeToCommitAsync(temp, writer, Sample("0193f0a1b2c37d4e8f9a0b1c2d3e4f53", Start.AddSeconds(1)), expectedRows: 2);

        TestContext.Out.WriteLine($"committed after {first.TotalMilliseconds:0} ms (first), {second.TotalMilliseconds:0} ms (second)");
        Assert.That(first, Is.LessThan(TimeSpan.FromSeconds(2)), "a finished call's row is committed at once, not batched up");
        Assert.That(second, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    /// <summary>Queues <paramref name="record"/> and polls from another connection (as `calls export` or a restart after a crash would) until it is there.</summary>
    private static async Task<TimeSpan> TimeToCommitAsync(TempFolder temp, BackgroundBatchWriter<StoredCallRecord> writer, StoredCallRecord record,
        int expectedRows)
    {
        var clock = Stopwatch.StartNew();
        Assert.That(writer.TryEnqueue(record), Is.True);
        while (await CountFromAnotherConnectionAsync(temp.File("calls.db")) < expectedRows)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(5)) Assert.Fail($"row {expectedRows} not committed after 5 s");
            await Task.Delay(2);
        }

        return clock.Elapsed;
    }

    [Test]
    public async Task The_calls_table_is_in_wal_mode_with_indexes_on_start_time_and_call_uuid()
    {
        using var temp = new TempFolder();
        await CreateAsync(temp);
        await using var connection = new SqliteConnection($"Data Source={temp.File("calls.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("wal"));
        command.CommandText = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'calls' ORDER BY name)";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("ix_calls_call_uuid,ix_calls_started_at"));
    }

    internal static StoredCallRecord Sample(string uuid, DateTimeOffset started) => new()
    {
        CallUuid = uuid,
        CallId = $"{uuid}@phone",
        Caller = "1001",
        Dialled = "*43",
        Callee = "echo",
        SourceKind = "extension",
        Source = "1001",
        RouteTarget = "echo",
        RouteMatch = "*43",
        StartedAt = started,
        AnsweredAt = started.AddMilliseconds(40),
        EndedAt = started.AddSeconds(12.5),
        DurationSeconds = 12.5,
        BillableSeconds = 13,
        HangupCause = "normal",
        HangupSide = "caller",
        CallerLeg = new StoredCallLeg($"{uuid}@phone", "PCMU", "127.0.0.1:6000", 620, 621, 1, 0.75, 0),
    };

    private static BackgroundBatchWriter<StoredCallRecord> Writer(CallRecordRepository repository) =>
        new(rows => repository.AddBatchAsync(rows), "call records", NullLogger.Instance, capacity: 100);

    private static async Task<List<StoredCallRecord>> ListAsync(CallRecordRepository repository, DateTimeOffset since, DateTimeOffset? until = null)
    {
        var rows = new List<StoredCallRecord>();
        await foreach (var row in repository.ListAsync(since, until)) rows.Add(row);
        return rows;
    }

    private static async Task<long> CountFromAnotherConnectionAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM calls";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<CallRecordRepository> CreateAsync(TempFolder temp)
    {
        var database = new SqliteDatabase(temp.File("calls.db"));
        await new MigrationRunner(database).MigrateAsync();
        return new CallRecordRepository(database);
    }
}
