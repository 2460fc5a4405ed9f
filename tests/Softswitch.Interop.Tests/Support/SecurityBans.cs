namespace Softswitch.Interop.Tests.Support;

/// <summary>Reads the switch's security_bans table straight from its SQLite file, and runs its security CLI.</summary>
public static class SecurityBans
{
    public sealed record Row(string Address, int Failures, string? LiftedBy);

    public static Task<IReadOnlyList<Row>> ReadAsync(string databasePath) =>
        SwitchDatabase.QueryAsync(databasePath, "SELECT address, failures, lifted_by FROM security_bans ORDER BY id",
            reader => new Row(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));

    /// <summary>Polls until the ban of <paramref name="address"/> is recorded: bans are written in the background.</summary>
    public static Task<Row?> WaitForAsync(string databasePath, string address, TimeSpan timeout) =>
        SwitchDatabase.WaitForAsync(databasePath, async () => (await ReadAsync(databasePath)).FirstOrDefault(row => row.Address == address), timeout);

    /// <summary><c>softswitch security ARGS --config</c> the running switch's file, as an admin types it.</summary>
    public static Task<ToolResult> RunCliAsync(SoftswitchProcess softswitch, params string[] args) =>
        Tool.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "softswitch.dll"), "security", .. args,
            "--config", Path.Combine(softswitch.Folder, "softswitch.yaml")], TimeSpan.FromSeconds(30), softswitch.Folder);
}
