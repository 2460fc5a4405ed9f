namespace Softswitch.Interop.Tests.Support;

/// <summary>Reads the switch's registration_events table straight from its SQLite file.</summary>
public static class RegistrationEvents
{
    public sealed record Row(string Extension, string Contact, string SourceAddress, string? UserAgent, string Outcome);

    public static Task<IReadOnlyList<Row>> ReadAsync(string databasePath) =>
        SwitchDatabase.QueryAsync(databasePath,
            "SELECT extension, contact, source_address, user_agent, outcome FROM registration_events ORDER BY id",
            reader => new Row(reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1), reader.IsDBNull(2) ? "" : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));

    /// <summary>Polls until a row matches: the event writer is asynchronous by design.</summary>
    public static Task<Row?> WaitForAsync(string databasePath, Func<Row, bool> match, TimeSpan timeout) =>
        SwitchDatabase.WaitForAsync(databasePath, async () => (await ReadAsync(databasePath)).FirstOrDefault(match), timeout);
}
