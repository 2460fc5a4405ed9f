using Microsoft.Data.Sqlite;

namespace Softswitch.Interop.Tests.Support;

/// <summary>Reads the switch's recordings table straight from its SQLite file.</summary>
public static class RecordingRows
{
    public sealed record Row(string CallId, string CallUuid, string Path, long DurationMs, long Channels, long SampleRate, string? Caller, string? Dialled);

    /// <summary>Polls until <paramref name="count"/> rows exist (the row writer is asynchronous by design), then returns them all.</summary>
    public static async Task<IReadOnlyList<Row>> WaitForAsync(string databasePath, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<Row> rows = [];
        while (DateTime.UtcNow < deadline)
        {
            rows = await ReadAsync(databasePath);
            if (rows.Count >= count) return rows;
            await Task.Delay(100);
        }

        return rows;
    }

    private static async Task<IReadOnlyList<Row>> ReadAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT call_id, call_uuid, path, duration_ms, channels, sample_rate, caller, dialled FROM recordings ORDER BY id";
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return rows;
    }
}
