using Microsoft.Data.Sqlite;

namespace Softswitch.Interop.Tests.Support;

/// <summary>Reads the running switch's SQLite file directly (read-only), as an admin with sqlite3 would.</summary>
public static class SwitchDatabase
{
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(string databasePath, string sql, Func<SqliteDataReader, T> map)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }

    /// <summary>Polls <paramref name="find"/> until it finds something: the switch's writers are asynchronous by design.</summary>
    public static async Task<T?> WaitForAsync<T>(string databasePath, Func<Task<T?>> find, TimeSpan timeout) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(databasePath))
            {
                try
                {
                    if (await find() is { } hit) return hit;
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
