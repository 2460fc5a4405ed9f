using Softswitch.Calls.Media;
using Softswitch.Calls.Records;

namespace Softswitch.Calls.Bridging;

/// <summary>The call's row in the <c>calls</c> table, written (off the call's path) once its media is released.</summary>
public sealed partial class BridgedCall
{
    private void WriteRecord()
    {
        if (_context.Media.CallRecords is not { } sink) return;
        var end = _end ?? BridgedCallEnd.CallerHungUp;
        var party = _answered ?? _lastParty;
        sink.Add(new CallRecord
        {
            CallUuid = Uuid,
            CallId = CallId,
            Caller = Caller,
            CallerName = CallerName,
            Dialled = Dialled,
            // An application's call that bridged nobody was answered by the switch: the route's target is the callee.
            Callee = party?.Peer ?? (_application is not null && _answeredTime is not null ? RouteTargetWords.Of(Route.Target) : null),
            SourceKind = Source.Kind,
            Source = Source.Name,
            RouteTarget = RouteTargetWords.Of(Route.Target),
            RouteMatch = Route.Match,
            Started = _started,
            Answered = _answeredTime,
            Ended = _context.Time.GetUtcNow(),
            HangupCause = end.Cause,
            HangupSide = end.Side,
            SipStatus = _answeredTime is null ? end.SipStatus : null,
            CallerLeg = _caller == _handedOver ? _handedOverRecord : _caller.Media is { } caller ? CallLegRecord.From(caller) : null,
            CalleeLeg = party is not null && party == _handedOver ? _handedOverRecord : party?.Media is { } callee ? CallLegRecord.From(callee) : null,
            RecordingPath = _recorder is { } recorder ? CallRecordings.Relative(_context.Media, recorder.Path) : null,
            ApplicationFields = WithRecordingPauses(RecordFieldsForRow()),
        });
    }
}
