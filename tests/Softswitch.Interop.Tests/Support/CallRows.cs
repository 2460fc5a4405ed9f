namespace Softswitch.Interop.Tests.Support;

/// <summary>Reads the switch's <c>calls</c> table straight from its SQLite file, as an admin with sqlite3 would.</summary>
public static class CallRows
{
    public sealed record Row(
        string CallUuid, string CallId, string Caller, string Dialled, string? Callee, string SourceKind, string Source, string? RouteTarget,
        string StartedAt, string? AnsweredAt, string EndedAt, double DurationSeconds, long BillableSeconds, string HangupCause, string HangupSide,
        string? CallerCodec, long? CallerPacketsSent, long? CallerPacketsReceived);

    private const string Select =
        """
        SELECT call_uuid, call_id, caller, dialled, callee, source_kind, source, route_target, started_at, answered_at, ended_at,
               duration_seconds, billable_seconds, hangup_cause, hangup_side, caller_codec, caller_packets_sent, caller_packets_received
        FROM calls ORDER BY id
        """;

    /// <summary>Every row now; empty when there are none (or the table is not there yet).</summary>
    public static Task<IReadOnlyList<Row>> ReadAsync(string databasePath) =>
        SwitchDatabase.QueryAsync(databasePath, Select, r => new Row(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5),
            r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.GetString(10),
            r.GetDouble(11), r.GetInt64(12), r.GetString(13), r.GetString(14), r.IsDBNull(15) ? null : r.GetString(15),
            r.IsDBNull(16) ? null : r.GetInt64(16), r.IsDBNull(17) ? null : r.GetInt64(17)));

    /// <summary>Polls until a row exists (the row writer is asynchronous by design), then returns the first; null if none came.</summary>
    public static async Task<Row?> WaitForFirstAsync(string databasePath, TimeSpan timeout) =>
        await SwitchDatabase.WaitForAsync(databasePath, async () => (await ReadAsync(databasePath)).FirstOrDefault(), timeout);
}
