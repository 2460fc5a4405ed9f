using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Storage.CallRecords;
using Softswitch.Storage.Migrations;
using Softswitch.Storage.Recordings;
using Softswitch.Storage.Retention;
using Softswitch.Storage.Voicemail;

namespace Softswitch.Storage.Tests;

/// <summary>Recordings and voicemail older than their retention go (files and catalog rows); call rows stay, marked.</summary>
public sealed class FileRetentionSweeperTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    private TempFolder _temp = null!;
    private SqliteDatabase _database = null!;
    private string _recordings = null!;
    private string _voicemail = null!;

    [SetUp]
    public async Task CreateDatabaseAndFolders()
    {
        _temp = new TempFolder();
        _database = new SqliteDatabase(_temp.File("files.db"));
        await new MigrationRunner(_database).MigrateAsync();
        _recordings = Directory.CreateDirectory(_temp.File("recordings")).FullName;
        _voicemail = Directory.CreateDirectory(_temp.File("voicemail")).FullName;
    }

    [TearDown]
    public void RemoveFolder() => _temp.Dispose();

    [Test]
    public async Task A_recording_older_than_its_retention_loses_its_file_and_catalog_row_and_its_call_row_is_marked()
    {
        await AddRecordingAsync("old", Now.AddDays(-31));
        await AddRecordingAsync("young", Now.AddDays(-29));
        await using var sweeper = Sweeper(recordingDays: 30, voicemailDays: 0, new FakeTimeProvider(Now));

        var swept = await sweeper.SweepAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(swept, Is.EqualTo(new FileRetentionSweep(1, 0)));
            Assert.That(File.Exists(RecordingFile("old")), Is.False);
            Assert.That(File.Exists(RecordingFile("young")), Is.True);
            Assert.That(await CatalogAsync(), Is.EqualTo(new[] { "young" }));
            var calls = await CallsAsync();
            Assert.That(calls.Select(c => c.Uuid), Is.EqualTo(new[] { "old", "young" }), "both call rows stay");
            Assert.That(calls[0].RecordingPath, Is.Null);
            Assert.That(Field(calls[0].Fields, "recording_deleted"), Is.EqualTo(StorageTime.ToText(Now)));
            Assert.That(Field(calls[0].Fields, "queue"), Is.EqualTo("support"), "the other fields are kept");
            Assert.That(calls[1].RecordingPath, Is.EqualTo(RelativeOf("young")));
            Assert.That(Field(calls[1].Fields, "recording_deleted"), Is.Null);
        });
    }

    [Test]
    public async Task The_daily_sweep_on_the_clock_deletes_a_recording_the_day_it_comes_of_age()
    {
        var time = new FakeTimeProvider(Now);
        await AddRecordingAsync("day-29", Now.AddDays(-29).AddHours(-12));
        await using var sweeper = Sweeper(recordingDays: 30, voicemailDays: 0, time);

        await sweeper.StartAsync();
        Assert.That(File.Exists(RecordingFile("day-29")), Is.True, "29.5 days old at start-up");
        time.Advance(RetentionSweeper.Interval);

        Assert.That(SpinWait.SpinUntil(() => !File.Exists(RecordingFile("day-29")), TimeSpan.FromSeconds(10)), Is.True, "the next day's sweep");
        Assert.That(SpinWait.SpinUntil(() => CatalogAsync().GetAwaiter().GetResult().Count == 0, TimeSpan.FromSeconds(10)), Is.True);
    }

    [Test]
    public async Task Zero_days_keeps_everything_and_no_sweep_is_armed()
    {
        await AddRecordingAsync("ancient", Now.AddYears(-10));
        await AddVoicemailAsync("1001/ancient.wav", Now.AddYears(-10));
        await using var sweeper = Sweeper(recordingDays: 0, voicemailDays: 0, new FakeTimeProvider(Now));

        await sweeper.StartAsync();

        Assert.That(sweeper.Enabled, Is.False);
        Assert.That(await sweeper.SweepAsync(), Is.EqualTo(new FileRetentionSweep(0, 0)));
        Assert.That(File.Exists(RecordingFile("ancient")), Is.True);
        Assert.That(File.Exists(Path.Combine(_voicemail, "1001", "ancient.wav")), Is.True);
    }

    [Test]
    public async Task Voicemail_older_than_its_own_retention_goes_with_its_row_whatever_its_state()
    {
        await AddVoicemailAsync("1001/old-new.wav", Now.AddDays(-61));
        await AddVoicemailAsync("1001/old-saved.wav", Now.AddDays(-70), VoicemailState.Saved);
        await AddVoicemailAsync("1002/recent.wav", Now.AddDays(-59));
        await AddRecordingAsync("old", Now.AddDays(-400));
        await using var sweeper = Sweeper(recordingDays: 0, voicemailDays: 60, new FakeTimeProvider(Now));

        var swept = await sweeper.SweepAsync();

        Assert.That(swept, Is.EqualTo(new FileRetentionSweep(0, 2)));
        Assert.That(Directory.GetFiles(_voicemail, "*.wav", SearchOption.AllDirectories).Select(Path.GetFileName), Is.EqualTo(new[] { "recent.wav" }));
        Assert.That((await new VoicemailRepository(_database).ListAsync("1001")).Count, Is.Zero);
        Assert.That((await new VoicemailRepository(_database).ListAsync("1002")).Count, Is.EqualTo(1));
        Assert.That(File.Exists(RecordingFile("old")), Is.True, "recordings are kept forever (0 days)");
    }

    [Test]
    public async Task A_file_already_gone_still_clears_its_rows_and_a_path_outside_the_folder_is_never_touched()
    {
        await AddRecordingAsync("gone", Now.AddDays(-40));
        File.Delete(RecordingFile("gone"));
        var outside = _temp.File("outside.wav");
        await File.WriteAllBytesAsync(outside, [1, 2, 3]);
        await new RecordingRepository(_database).AddBatchAsync([Recording("escape", "../outside.wav", Now.AddDays(-40))]);
        await using var sweeper = Sweeper(recordingDays: 30, voicemailDays: 0, new FakeTimeProvider(Now));

        var swept = await sweeper.SweepAsync();

        Assert.That(swept.Recordings, Is.EqualTo(1));
        Assert.That(File.Exists(outside), Is.True);
        Assert.That(await CatalogAsync(), Is.EqualTo(new[] { "escape" }));
    }

    private FileRetentionSweeper Sweeper(int recordingDays, int voicemailDays, TimeProvider time) =>
        new(_database, new FileRetention(_recordings, FileRetention.Days(recordingDays), _voicemail, FileRetention.Days(voicemailDays)), time);

    private static string RelativeOf(string uuid) => $"2026/01/01/{uuid}.wav";

    private string RecordingFile(string uuid) => Path.Combine(_recordings, "2026", "01", "01", uuid + ".wav");

    private static StoredRecording Recording(string uuid, string path, DateTimeOffset started) =>
        new($"{uuid}@phone", uuid, path, started, started.AddSeconds(10), 10_000, 2, 8000, 0, "1001", "610");

    /// <summary>A WAV on disk, its <c>recordings</c> row and the call's row naming it (with a queue field).</summary>
    private async Task AddRecordingAsync(string uuid, DateTimeOffset started)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(RecordingFile(uuid))!);
        await File.WriteAllBytesAsync(RecordingFile(uuid), new byte[64]);
        await new RecordingRepository(_database).AddBatchAsync([Recording(uuid, RelativeOf(uuid), started)]);
        await new CallRecordRepository(_database).AddBatchAsync([CallRecordRepositoryTests.Sample(uuid, started) with
        {
            RecordingPath = RelativeOf(uuid),
            ApplicationFields = """{"queue":"support"}""",
        }]);
    }

    private async Task AddVoicemailAsync(string path, DateTimeOffset left, VoicemailState state = VoicemailState.New)
    {
        var full = Path.Combine(_voicemail, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, new byte[64]);
        await new VoicemailRepository(_database).AddAsync(new StoredVoicemailMessage(path.Split('/')[0], "1002", null, "uuid-" + path, left, 3.5, path,
            state, left, left));
    }

    private async Task<List<string>> CatalogAsync()
    {
        await using var connection = await _database.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string>("SELECT call_uuid FROM recordings ORDER BY id")];
    }

    private async Task<List<(string Uuid, string? RecordingPath, string? Fields)>> CallsAsync()
    {
        await using var connection = await _database.OpenConnectionAsync();
        return [.. await connection.QueryAsync<(string, string?, string?)>("SELECT call_uuid, recording_path, application_fields FROM calls ORDER BY id")];
    }

    private static string? Field(string? fields, string name)
    {
        if (fields is null) return null;
        using var json = JsonDocument.Parse(fields);
        return json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
