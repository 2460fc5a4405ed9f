using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Storage.Retention;

/// <summary>
/// Deletes call recordings older than <c>storage.recording_retention_days</c> and voicemail older than
/// <c>storage.voicemail_retention_days</c>: once when started, then once a day on the injected clock. A recording's
/// WAV and its <c>recordings</c> row go; the call's row stays, with <c>recording_path</c> cleared and
/// <c>recording_deleted</c> (when, UTC) added to its fields. A voicemail message's WAV and row go. A file already
/// gone is no error; a file that cannot be deleted keeps its row, to be tried again at the next sweep.
/// </summary>
public sealed partial class FileRetentionSweeper : IAsyncDisposable
{
    /// <summary>Rows looked at per query, so a first sweep over years of files does not hold everything at once.</summary>
    private const int Batch = 500;

    private readonly SqliteDatabase _database;
    private readonly FileRetention _retention;
    private readonly TimeProvider _time;
    private readonly ILogger<FileRetentionSweeper> _logger;
    private readonly DailySweep _schedule;

    public FileRetentionSweeper(SqliteDatabase database, FileRetention retention, TimeProvider time, ILogger<FileRetentionSweeper>? logger = null)
    {
        _database = database;
        _retention = retention;
        _time = time;
        _logger = logger ?? NullLogger<FileRetentionSweeper>.Instance;
        _schedule = new DailySweep(time, () => SweepAsync(), LogSweepFailed);
    }

    /// <summary>False when both retentions keep forever: there is nothing to sweep.</summary>
    public bool Enabled => _retention.Recordings is not null || _retention.Voicemail is not null;

    /// <summary>Sweeps once now, then arms the daily sweep (nothing when not <see cref="Enabled"/>).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (!Enabled) return;
        await SweepAsync(cancellationToken).ConfigureAwait(false);
        _schedule.Arm();
    }

    /// <summary>Deletes what is older than its retention now.</summary>
    public Task<FileRetentionSweep> SweepAsync(CancellationToken cancellationToken = default) =>
        _schedule.RunAsync(() => SweepFilesAsync(cancellationToken), cancellationToken);

    /// <summary>Stops the daily sweep and waits for one in progress.</summary>
    public ValueTask DisposeAsync() => _schedule.DisposeAsync();

    private async Task<FileRetentionSweep> SweepFilesAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var recordings = 0;
        if (_retention.Recordings is { } keepRecordings)
        {
            recordings = await SweepAsync(connection, "recordings", now - keepRecordings, _retention.RecordingsFolder,
                (id, path) => ForgetRecordingAsync(connection, id, path, now, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (recordings > 0) LogRecordingsDeleted(recordings, keepRecordings.TotalDays);
        }

        var voicemail = 0;
        if (_retention.Voicemail is { } keepVoicemail)
        {
            voicemail = await SweepAsync(connection, "voicemail_messages", now - keepVoicemail, _retention.VoicemailFolder,
                (id, _) => connection.ExecuteAsync(new CommandDefinition("DELETE FROM voicemail_messages WHERE id = @Id", new { Id = id },
                    cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
            if (voicemail > 0) LogVoicemailDeleted(voicemail, keepVoicemail.TotalDays);
        }

        return new FileRetentionSweep(recordings, voicemail);
    }

    /// <summary>
    /// The rows of <paramref name="table"/> (a constant) started before <paramref name="cutoff"/>, a batch at a time:
    /// each file deleted, then its row forgotten; returns how many went.
    /// </summary>
    private async Task<int> SweepAsync(SqliteConnection connection, string table, DateTimeOffset cutoff, string folder,
        Func<long, string, Task> forget, CancellationToken cancellationToken)
    {
        var deleted = 0;
        long after = 0;
        while (true)
        {
            var rows = (await connection.QueryAsync<(long Id, string Path)>(new CommandDefinition(
                $"SELECT id, path FROM {table} WHERE started_at < @Cutoff AND id > @After ORDER BY id LIMIT @Batch",
                new { Cutoff = StorageTime.ToText(cutoff), After = after, Batch }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            if (rows.Count == 0) return deleted;
            after = rows[^1].Id;
            foreach (var (id, path) in rows)
            {
                if (!TryDelete(folder, path)) continue;
                await forget(id, path).ConfigureAwait(false);
                deleted++;
            }
        }
    }

    /// <summary>The recording's catalog row goes; the call's row stays, its path cleared and the deletion noted.</summary>
    private static async Task ForgetRecordingAsync(SqliteConnection connection, long id, string path, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM recordings WHERE id = @Id", new { Id = id }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE calls SET recording_path = NULL,
                application_fields = json_set(COALESCE(application_fields, '{}'), '$.recording_deleted', @Now)
            WHERE recording_path = @Path
            """,
            new { Path = path, Now = StorageTime.ToText(now) }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes <paramref name="relative"/> under <paramref name="folder"/>; true when it is gone (or never was). A path
    /// that leads out of the folder is never touched (false): the rows are ours, but a bad one must not delete elsewhere.
    /// </summary>
    private bool TryDelete(string folder, string relative)
    {
        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            LogOutsideFolder(relative, root);
            return false;
        }

        try
        {
            File.Delete(full); // no error when the file is already gone
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogDeleteFailed(error, full);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} call recordings older than {Days} days deleted")]
    private partial void LogRecordingsDeleted(int count, double days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} voicemail messages older than {Days} days deleted")]
    private partial void LogVoicemailDeleted(int count, double days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: {Path} is outside {Folder}; left alone")]
    private partial void LogOutsideFolder(string path, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: could not delete {Path}; tried again at the next sweep")]
    private partial void LogDeleteFailed(Exception error, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep of recordings and voicemail failed")]
    private partial void LogSweepFailed(Exception error);
}
