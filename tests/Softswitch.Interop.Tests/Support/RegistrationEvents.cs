using Microsoft.Data.Sqlite;

namespace Softswitch.Interop.Tests.Support;

/// <summary>Reads the switch's registration_events table straight from its SQLite file.</summary>
public static class RegistrationEvents
{
    public sealed record Row(string Extension, string Contact, string SourceAddress, string? UserAgent, string Outcome);

    public static async Task<IReadOnlyList<Row>> ReadAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT extension, contact, source_address, user_agent, outcome FROM registration_events ORDER BY id";
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }

    /// <summary>Polls until a row matches: the event writer is asynchronous by design.</summary>
    public static async Task<Row?> WaitForAsync(string databasePath, Func<Row, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(databasePath))
            {
                try
                {
                    var hit = (await ReadAsync(databasePath)).FirstOrDefault(match);
                    if (hit is not null) return hit;
                }
                catch (SqliteException)
                {
                    // Table not created yet or briefly locked: look again.
                }
            }

            await Task.Delay(100);
        }

        return null;
    }
}
