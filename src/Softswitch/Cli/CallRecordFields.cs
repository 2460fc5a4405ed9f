using Softswitch.Storage.CallRecords;

namespace Softswitch.Cli;

/// <summary>
/// The fields <c>calls export</c> prints, in order, named as the <c>calls</c> table's columns: the JSON keys and the CSV
/// header are the same words an administrator sees in the sqlite3 shell.
/// </summary>
internal static class CallRecordFields
{
    public static IReadOnlyList<(string Name, Func<StoredCallRecord, object?> Value)> All { get; } =
    [
        ("id", r => r.Id),
        ("call_uuid", r => r.CallUuid),
        ("call_id", r => r.CallId),
        ("caller", r => r.Caller),
        ("caller_name", r => r.CallerName),
        ("dialled", r => r.Dialled),
        ("callee", r => r.Callee),
        ("source_kind", r => r.SourceKind),
        ("source", r => r.Source),
        ("route_target", r => r.RouteTarget),
        ("route_match", r => r.RouteMatch),
        ("started_at", r => r.StartedAt),
        ("answered_at", r => r.AnsweredAt),
        ("ended_at", r => r.EndedAt),
        ("duration_seconds", r => r.DurationSeconds),
        ("billable_seconds", r => r.BillableSeconds),
        ("hangup_cause", r => r.HangupCause),
        ("sip_status", r => r.SipStatus),
        ("hangup_side", r => r.HangupSide),
        .. Leg("caller", r => r.CallerLeg),
        .. Leg("callee", r => r.CalleeLeg),
        ("recording_path", r => r.RecordingPath),
        ("application_fields", r => r.ApplicationFields),
    ];

    private static IEnumerable<(string, Func<StoredCallRecord, object?>)> Leg(string prefix, Func<StoredCallRecord, StoredCallLeg?> leg) =>
    [
        ($"{prefix}_call_id", r => leg(r)?.CallId),
        ($"{prefix}_codec", r => leg(r)?.Codec),
        ($"{prefix}_remote_media", r => leg(r)?.RemoteMedia),
        ($"{prefix}_packets_sent", r => leg(r)?.PacketsSent),
        ($"{prefix}_packets_received", r => leg(r)?.PacketsReceived),
        ($"{prefix}_packets_lost", r => leg(r)?.PacketsLost),
        ($"{prefix}_jitter_ms", r => leg(r)?.JitterMs),
        ($"{prefix}_peer_reported_lost", r => leg(r)?.PeerReportedLost),
    ];
}
