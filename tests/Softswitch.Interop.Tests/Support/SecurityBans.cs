using Microsoft.Data.Sqlite;

namespace Softswitch.Interop.Tests.Support;

/// <summary>Reads the switch's security_bans table straight from its SQLite file, and runs its security CLI.</summary>
public static class SecurityBans
{
    public sealed record Row(string Address, int Failures, string? LiftedBy);

    public static async Task<IReadOnlyList<Row>> ReadAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT address, failures, lifted_by FROM security_bans ORDER BY id";
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>Polls until the ban of <paramref name="address"/> is recorded: bans are written in the background.</summary>
    public static async Task<Row?> WaitForAsync(string databasePath, string address, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await ReadAsync(databasePath)).FirstOrDefault(row => row.Address == address) is { } row) return row;
            await Task.Delay(100);
        }

        return null;
    }

    /// <summary><c>softswitch security ARGS --config</c> the running switch's file, as an admin types it.</summary>
    public static Task<ToolResult> RunCliAsync(SoftswitchProcess softswitch, params string[] args) =>
        Tool.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "softswitch.dll"), "security", .. args,
            "--config", Path.Combine(softswitch.Folder, "softswitch.yaml")], TimeSpan.FromSeconds(30), softswitch.Folder);
}
