using System.Runtime.CompilerServices;
using Dapper;

namespace Softswitch.Storage.CallRecords;

/// <summary>Reads and writes <c>calls</c>: one row per finished call, inserted in batches, read back by start time.</summary>
public sealed class CallRecordRepository(SqliteDatabase database)
{
    /// <summary>Every column but the id, in table order; each one's parameter/property is its PascalCase name (call_uuid → CallUuid).</summary>
    private static readonly string[] Columns =
    [
        "call_uuid", "call_id", "caller", "caller_name", "dialled", "callee", "source_kind", "source", "route_target", "route_match",
        "started_at", "answered_at", "ended_at", "duration_seconds", "billable_seconds", "hangup_cause", "sip_status", "hangup_side",
        "caller_call_id", "caller_codec", "caller_remote_media", "caller_packets_sent", "caller_packets_received", "caller_packets_lost",
        "caller_jitter_ms", "caller_peer_reported_lost",
        "callee_call_id", "callee_codec", "callee_remote_media", "callee_packets_sent", "callee_packets_received", "callee_packets_lost",
        "callee_jitter_ms", "callee_peer_reported_lost",
        "recording_path", "application_fields",
    ];

    private static readonly string InsertSql =
        $"INSERT INTO calls ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + Pascal(c)))})";

    private static readonly string SelectSql =
        $"SELECT id AS Id, {string.Join(", ", Columns.Select(c => $"{c} AS {Pascal(c)}"))} FROM calls";

    /// <summary>Stores several records in one transaction (one fsync for the lot).</summary>
    public Task AddBatchAsync(IReadOnlyCollection<StoredCallRecord> records, CancellationToken cancellationToken = default) =>
        BatchInsert.ExecuteAsync(database, InsertSql, records.Select(ToRow).ToList(), cancellationToken);

    /// <summary>
    /// The calls that started at or after <paramref name="since"/> and, when given, before <paramref name="until"/>, oldest
    /// first; streamed, so an export of a year does not sit in memory.
    /// </summary>
    public async IAsyncEnumerable<StoredCallRecord> ListAsync(DateTimeOffset since, DateTimeOffset? until = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var sql = SelectSql + " WHERE started_at >= @Since" + (until is null ? "" : " AND started_at < @Until") + " ORDER BY started_at, id";
        var parameters = new { Since = StorageTime.ToText(since), Until = until is { } end ? StorageTime.ToText(end) : null };
        await foreach (var row in connection.QueryUnbufferedAsync<Row>(sql, parameters).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return FromRow(row);
        }
    }

    private static string Pascal(string column) =>
        string.Concat(column.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static Row ToRow(StoredCallRecord r) => new()
    {
        CallUuid = r.CallUuid,
        CallId = r.CallId,
        Caller = r.Caller,
        CallerName = r.CallerName,
        Dialled = r.Dialled,
        Callee = r.Callee,
        SourceKind = r.SourceKind,
        Source = r.Source,
        RouteTarget = r.RouteTarget,
        RouteMatch = r.RouteMatch,
        StartedAt = StorageTime.ToText(r.StartedAt),
        AnsweredAt = r.AnsweredAt is { } answered ? StorageTime.ToText(answered) : null,
        EndedAt = StorageTime.ToText(r.EndedAt),
        DurationSeconds = r.DurationSeconds,
        BillableSeconds = r.BillableSeconds,
        HangupCause = r.HangupCause,
        SipStatus = r.SipStatus,
        HangupSide = r.HangupSide,
        CallerCallId = r.CallerLeg?.CallId,
        CallerCodec = r.CallerLeg?.Codec,
        CallerRemoteMedia = r.CallerLeg?.RemoteMedia,
        CallerPacketsSent = r.CallerLeg?.PacketsSent,
        CallerPacketsReceived = r.CallerLeg?.PacketsReceived,
        CallerPacketsLost = r.CallerLeg?.PacketsLost,
        CallerJitterMs = r.CallerLeg?.JitterMs,
        CallerPeerReportedLost = r.CallerLeg?.PeerReportedLost,
        CalleeCallId = r.CalleeLeg?.CallId,
        CalleeCodec = r.CalleeLeg?.Codec,
        CalleeRemoteMedia = r.CalleeLeg?.RemoteMedia,
        CalleePacketsSent = r.CalleeLeg?.PacketsSent,
        CalleePacketsReceived = r.CalleeLeg?.PacketsReceived,
        CalleePacketsLost = r.CalleeLeg?.PacketsLost,
        CalleeJitterMs = r.CalleeLeg?.JitterMs,
        CalleePeerReportedLost = r.CalleeLeg?.PeerReportedLost,
        RecordingPath = r.RecordingPath,
        ApplicationFields = r.ApplicationFields,
    };

    private static StoredCallRecord FromRow(Row row) => new()
    {
        Id = row.Id,
        CallUuid = row.CallUuid,
        CallId = row.CallId,
        Caller = row.Caller,
        CallerName = row.CallerName,
        Dialled = row.Dialled,
        Callee = row.Callee,
        SourceKind = row.SourceKind,
        Source = row.Source,
        RouteTarget = row.RouteTarget,
        RouteMatch = row.RouteMatch,
        StartedAt = StorageTime.FromText(row.StartedAt),
        AnsweredAt = row.AnsweredAt is { } answered ? StorageTime.FromText(answered) : null,
        EndedAt = StorageTime.FromText(row.EndedAt),
        DurationSeconds = row.DurationSeconds,
        BillableSeconds = (int)row.BillableSeconds,
        HangupCause = row.HangupCause,
        SipStatus = (int?)row.SipStatus,
        HangupSide = row.HangupSide,
        CallerLeg = row.CallerCallId is null ? null : new StoredCallLeg(row.CallerCallId, row.CallerCodec ?? "", row.CallerRemoteMedia ?? "",
            row.CallerPacketsSent ?? 0, row.CallerPacketsReceived ?? 0, row.CallerPacketsLost ?? 0, row.CallerJitterMs ?? 0, row.CallerPeerReportedLost),
        CalleeLeg = row.CalleeCallId is null ? null : new StoredCallLeg(row.CalleeCallId, row.CalleeCodec ?? "", row.CalleeRemoteMedia ?? "",
            row.CalleePacketsSent ?? 0, row.CalleePacketsReceived ?? 0, row.CalleePacketsLost ?? 0, row.CalleeJitterMs ?? 0, row.CalleePeerReportedLost),
        RecordingPath = row.RecordingPath,
        ApplicationFields = row.ApplicationFields,
    };

    // The column shape as SQLite sees it: times as text, integers as 64-bit; one property per column of Columns.
    private sealed class Row
    {
        public long Id { get; set; }
        public string CallUuid { get; set; } = "";
        public string CallId { get; set; } = "";
        public string Caller { get; set; } = "";
        public string? CallerName { get; set; }
        public string Dialled { get; set; } = "";
        public string? Callee { get; set; }
        public string SourceKind { get; set; } = "";
        public string Source { get; set; } = "";
        public string? RouteTarget { get; set; }
        public string? RouteMatch { get; set; }
        public string StartedAt { get; set; } = "";
        public string? AnsweredAt { get; set; }
        public string EndedAt { get; set; } = "";
        public double DurationSeconds { get; set; }
        public long BillableSeconds { get; set; }
        public string HangupCause { get; set; } = "";
        public long? SipStatus { get; set; }
        public string HangupSide { get; set; } = "";
        public string? CallerCallId { get; set; }
        public string? CallerCodec { get; set; }
        public string? CallerRemoteMedia { get; set; }
        public long? CallerPacketsSent { get; set; }
        public long? CallerPacketsReceived { get; set; }
        public long? CallerPacketsLost { get; set; }
        public double? CallerJitterMs { get; set; }
        public long? CallerPeerReportedLost { get; set; }
        public string? CalleeCallId { get; set; }
        public string? CalleeCodec { get; set; }
        public string? CalleeRemoteMedia { get; set; }
        public long? CalleePacketsSent { get; set; }
        public long? CalleePacketsReceived { get; set; }
        public long? CalleePacketsLost { get; set; }
        public double? CalleeJitterMs { get; set; }
        public long? CalleePeerReportedLost { get; set; }
        public string? RecordingPath { get; set; }
        public string? ApplicationFields { get; set; }
    }
}
