using Softswitch.Calls.Media;
using Softswitch.Calls.Records;

namespace Softswitch.Calls.Legs;

/// <summary>The call's row in <c>calls</c>: built once at release from what the call saw, handed to the host's sink.</summary>
public sealed partial class InboundCall
{
    /// <summary>Tells <see cref="CallMediaOptions.CallRecords"/> how the call went; never throws (the release must go on).</summary>
    private void WriteRecord()
    {
        if (_media.CallRecords is not { } sink) return;
        try
        {
            sink.Add(BuildRecord());
        }
        catch (Exception error)
        {
            LogFailed(error, CallId);
        }
    }

    private CallRecord BuildRecord()
    {
        var ended = _time.GetUtcNow();
        // The answer was stamped on the monotonic clock (for the watchdog); the wall-clock moment is derived from it.
        var answeredAt = AnsweredTimestamp;
        DateTimeOffset? answered = answeredAt == 0 ? null : _started + _time.GetElapsedTime(_startedTimestamp, answeredAt);
        var end = _end ?? InboundCallEnd.WeHungUp;
        var from = _session?.Invite.From;
        var caller = from?.Uri.User ?? "";
        var target = RouteTargetWords.Of(Route.Target);
        return new CallRecord
        {
            CallUuid = Uuid,
            CallId = CallId,
            Caller = caller,
            CallerName = string.IsNullOrEmpty(from?.DisplayName) ? null : from.DisplayName,
            Dialled = Dialled,
            Callee = answered is null ? null : target,
            // Only authenticated extensions reach a call the switch answers (the From user is the digest user).
            SourceKind = CallSourceKinds.Extension,
            Source = caller,
            RouteTarget = target,
            RouteMatch = Route.Match,
            Started = _started,
            Answered = answered,
            Ended = ended,
            HangupCause = Cause(end),
            SipStatus = answered is null ? UnansweredStatus(end) : null,
            HangupSide = end is InboundCallEnd.CallerHungUp or InboundCallEnd.Cancelled ? HangupSides.Caller : HangupSides.Switch,
            CallerLeg = _leg is { } leg ? CallLegRecord.From(leg) : null,
            RecordingPath = _recorder is { } recorder ? CallRecordings.Relative(_media, recorder.Path) : null,
        };
    }

    private static string Cause(InboundCallEnd end) => end switch
    {
        InboundCallEnd.CallerHungUp or InboundCallEnd.WeHungUp => HangupCauses.Normal,
        InboundCallEnd.Cancelled => HangupCauses.Cancelled,
        InboundCallEnd.Shutdown => HangupCauses.Shutdown,
        InboundCallEnd.RtpTimeout or InboundCallEnd.HoldTimeout => HangupCauses.RtpTimeout,
        InboundCallEnd.MaxCallLength => HangupCauses.MaxDuration,
        _ => HangupCauses.Failed, // no ACK, transport error, no answer in the ACK
    };

    /// <summary>What the caller was answered when the call never was: 487 after a CANCEL, 480 when we gave up first.</summary>
    private static int? UnansweredStatus(InboundCallEnd end) => end switch
    {
        InboundCallEnd.Cancelled => 487,
        InboundCallEnd.CallerHungUp => null,
        _ => 480,
    };
}
