using Softswitch.Calls.Records;
using Softswitch.Calls.Legs;
using Softswitch.Calls.Media;
using Softswitch.Calls.Supervision;
using Softswitch.Sip.Dialogs;

namespace Softswitch.Calls.Bridging;

/// <summary>The call in the registry and under the watchdog, and its release: media, recording, ports, places.</summary>
public sealed partial class BridgedCall : ILiveCall, IWatchedCall
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _answeredAt;
    private long _mediaChangedAt;
    private DateTimeOffset? _answeredTime;

    public Task WhenReleased => _released.Task;

    public Task WhenSignallingEnded =>
        Task.WhenAll(_forks.Concat(_transferForks).Select(fork => fork.Session.Completion).Append(_caller.Dialog?.Completion ?? Task.CompletedTask)
            .Concat(_answered is CallerLeg picker ? [picker.Session.Completion] : [])
            .Concat(_adopted.Select(leg => leg.Dialog?.Completion ?? Task.CompletedTask)).ToArray());

    public void HangupForShutdown() => Post(new HangupRequested(HangupCauses.Shutdown, null));

    public long AnsweredTimestamp => Volatile.Read(ref _answeredAt);

    /// <summary>The quieter leg decides: a call is as alive as the side heard from least recently.</summary>
    public long LastHeardTimestamp
    {
        get
        {
            var caller = _partyA.Media?.LastReceivedTimestamp ?? 0;
            // An application's caller with nobody bridged is heard from alone.
            var callee = _answered is null && _application is not null ? caller : _answered?.Media?.LastReceivedTimestamp ?? 0;
            return Math.Max(Math.Min(caller, callee), Volatile.Read(ref _mediaChangedAt));
        }
    }

    public bool OnHold => _partyA.Holding || (_answered?.Holding ?? false);

    public void EndFor(CallTimeout timeout) => Post(new HangupRequested(timeout switch
    {
        CallTimeout.MaxCallLength => HangupCauses.MaxDuration,
        _ => HangupCauses.RtpTimeout,
    }, CallTimeoutRule.ReasonHeader(timeout)));

    public LiveCallInfo Describe()
    {
        var legs = new List<LiveLegInfo> { _caller.Describe() };
        var callee = _answered;
        if (callee is not null) legs.Add(callee.Describe());
        else legs.AddRange(_forks.ToArray().Select(fork => fork.Describe()));
        var state = _end is not null ? "ending" : callee is null && _answeredTime is null ? "ringing" : OnHold ? "held" : "answered";
        return new LiveCallInfo(Uuid, CallId, Caller, Dialled, _target.Name, state, _started, _answeredTime, legs);
    }

    private void MarkAnswered()
    {
        MarkCallerAnswered();
        ReportCallee(_answered!, Presence.DialogState.Confirmed);
        LogAnswered(CallId, _answered!.Peer, _caller.Media!.Codec.ToString(), _answered.Media!.Codec.ToString(),
            _bridge?.Transcodes == true ? "transcoding" : "relaying");
    }

    /// <summary>The caller's leg is answered: the moment kept for the record, the watchdog watching, the busy lamp lit.</summary>
    private void MarkCallerAnswered()
    {
        var now = _context.Time.GetTimestamp();
        _answeredTime = _context.Time.GetUtcNow();
        Volatile.Write(ref _answeredAt, now);
        MediaChanged();
        _context.Watchdog?.Watch(this);
        ReportCaller(Presence.DialogState.Confirmed);
    }

    /// <summary>Silence is counted from each answer and re-INVITE, so a held call is not timed from before its hold.</summary>
    private void MediaChanged() => Volatile.Write(ref _mediaChangedAt, _context.Time.GetTimestamp());

    private async Task ReleaseAsync()
    {
        _context.Watchdog?.Forget(this);
        _ringTimer?.Dispose();
        _answerTimer?.Dispose();
        try
        {
            DrainMailbox();
            StopMusic();
            _bridge?.Disconnect();
            var end = _end ?? BridgedCallEnd.CallerHungUp;
            LogEnded(CallId, _target.Name, end.Cause, end.Side, _context.Time.GetElapsedTime(_startedTimestamp).TotalSeconds,
                LegSummary(_caller), _answered is null ? "-" : LegSummary(_answered));
            if (_recordedMedia is { } tapped) tapped.Tap = null;
            foreach (var leg in _forks.Concat(_transferForks).Concat(_adopted).Prepend(_caller).Append(_answered as CallerLeg).Append(_lastParty))
            {
                if (leg is not null && leg != _handedOver) await leg.CloseMediaAsync().ConfigureAwait(false);
            }
            if (_recorder is not null)
            {
                await _recorder.DisposeAsync().ConfigureAwait(false);
                CallRecordings.Catalog(_context.Media, _recorder, CallId, Uuid, _recordingStarted, _context.Time.GetUtcNow(), Caller, Dialled);
            }

            await WaitForApplicationAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            LogFailed(error, CallId);
        }
        finally
        {
            CompleteOriginate();
            ReportAllTerminated();
            ReleaseTrunkSlots();
            WriteRecord();
            _admission?.Dispose();
            foreach (var ports in _adopted.Select(leg => leg.Ports).Prepend(_caller.Ports).Append(_calleePorts).Append(_pickupPorts).Append(_transferPorts))
            {
                if (!WentWithHandedOver(ports)) ports?.Dispose();
            }
            _registry?.Remove(this);
            _released.TrySetResult();
        }
    }

    private static string LegSummary(CallLeg leg) => leg.Media is not { } media
        ? $"{leg.Peer}: no media"
        : $"{leg.Peer} {media.Codec}: sent {media.PacketsSent}, received {media.PacketsReceived}, lost {media.Rtcp.PacketsLost}, jitter {media.Rtcp.Jitter.TotalMilliseconds:0.0} ms, dropped {media.OtherSourcePacketsDropped} from other sources";
}
