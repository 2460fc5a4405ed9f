using Softswitch.Calls.Records;
using Softswitch.Storage;
using Softswitch.Storage.CallRecords;

namespace Softswitch.Hosting;

/// <summary>Turns each finished call's record into a row of <c>calls</c>, through the non-blocking writer.</summary>
internal sealed class CallRecordSink(BackgroundBatchWriter<StoredCallRecord> writer) : ICallRecordSink
{
    public void Add(CallRecord record) => writer.TryEnqueue(ToStored(record));

    internal static StoredCallRecord ToStored(CallRecord record) => new()
    {
        CallUuid = record.CallUuid,
        CallId = record.CallId,
        Caller = record.Caller,
        CallerName = record.CallerName,
        Dialled = record.Dialled,
        Callee = record.Callee,
        SourceKind = record.SourceKind,
        Source = record.Source,
        RouteTarget = record.RouteTarget,
        RouteMatch = record.RouteMatch,
        StartedAt = record.Started,
        AnsweredAt = record.Answered,
        EndedAt = record.Ended,
        DurationSeconds = record.DurationSeconds,
        BillableSeconds = record.BillableSeconds,
        HangupCause = record.HangupCause,
        SipStatus = record.SipStatus,
        HangupSide = record.HangupSide,
        CallerLeg = ToStored(record.CallerLeg),
        CalleeLeg = ToStored(record.CalleeLeg),
        RecordingPath = record.RecordingPath,
        ApplicationFields = record.ApplicationFields is { Count: > 0 } fields ? System.Text.Json.JsonSerializer.Serialize(fields) : null,
    };

    private static StoredCallLeg? ToStored(CallLegRecord? leg) => leg is null
        ? null
        : new StoredCallLeg(leg.CallId, leg.Codec, leg.RemoteMedia, leg.PacketsSent, leg.PacketsReceived, leg.PacketsLost, leg.JitterMs,
            leg.PeerReportedLost);
}
