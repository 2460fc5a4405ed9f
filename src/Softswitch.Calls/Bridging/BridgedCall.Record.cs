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
        sink.Add(new CallRecord
        {
            CallUuid = Uuid,
            CallId = CallId,
            Caller = Caller,
            CallerName = CallerName,
            Dialled = Dialled,
            Callee = _answered?.Peer,
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
            CalleeLeg = _answered is not null && _answered == _handedOver ? _handedOverRecord
                : _answered?.Media is { } callee ? CallLegRecord.From(callee) : null,
            RecordingPath = _recorder is { } recorder ? CallRecordings.Relative(_context.Media, recorder.Path) : null,
        });
    }
}
