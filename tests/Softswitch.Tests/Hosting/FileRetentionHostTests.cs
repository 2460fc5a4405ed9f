using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Softswitch.Configuration.Validation;
using Softswitch.Hosting;
using Softswitch.Storage;
using Softswitch.Storage.CallRecords;
using Softswitch.Storage.Migrations;
using Softswitch.Storage.Recordings;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Hosting;

/// <summary>The host runs the recordings' retention sweep at start-up, on the folders and database of its configuration.</summary>
public sealed class FileRetentionHostTests
{
    [Test]
    public async Task A_recording_older_than_storage_recording_retention_days_is_gone_once_the_switch_has_started_and_its_call_row_stays()
    {
        using var folder = new TempFolder();
        var now = DateTimeOffset.UtcNow;
        var database = new SqliteDatabase(Path.Combine(Directory.CreateDirectory(Path.Combine(folder.Path, "db")).FullName, "test.db"));
        await new MigrationRunner(database).MigrateAsync();
        var old = await AddRecordingAsync(folder.Path, database, "old", now.AddDays(-8));
        var young = await AddRecordingAsync(folder.Path, database, "young", now.AddDays(-6));
        SqliteConnection.ClearAllPools();

        var yaml = ConfigFixture.OnFreePort(ConfigFixture.Valid, out _) + "\nstorage:\n  database: db/test.db\n  recordings: rec\n  recording_retention_days: 7";
        var root = (ConfigurationRoot)ConfigFixture.Build(folder, yaml);
        using var stop = new CancellationTokenSource();
        var code = await SoftswitchHost.RunAsync(new SoftswitchStartup(root, ConfigValidator.Validate(root), "softswitch.yaml", folder.Path), stop.Token,
            _ => stop.Cancel());
        root.Dispose();

        Assert.That(code, Is.EqualTo(0));
        Assert.That((File.Exists(old), File.Exists(young)), Is.EqualTo((false, true)));
        await using var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT group_concat(call_uuid || ':' || coalesce(recording_path, 'none') || ':' || (json_extract(application_fields, '$.recording_deleted') IS NOT NULL), ',') FROM calls";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("old:none:1,young:2026/01/01/young.wav:0"));
    }

    private static async Task<string> AddRecordingAsync(string root, SqliteDatabase database, string uuid, DateTimeOffset started)
    {
        var relative = $"2026/01/01/{uuid}.wav";
        var file = Path.Combine(root, "rec", "2026", "01", "01", uuid + ".wav");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, new byte[64]);
        await new RecordingRepository(database).AddBatchAsync([new StoredRecording($"{uuid}@phone", uuid, relative, started, started.AddSeconds(5), 5000, 2, 8000, 0, "1001", "610")]);
        await new CallRecordRepository(database).AddBatchAsync([new StoredCallRecord
        {
            CallUuid = uuid, CallId = $"{uuid}@phone", Caller = "1001", Dialled = "610", SourceKind = "extension", Source = "1001",
            StartedAt = started, EndedAt = started.AddSeconds(5), DurationSeconds = 5, BillableSeconds = 5, HangupCause = "normal", HangupSide = "caller",
            RecordingPath = relative,
        }]);
        return file;
    }
}
