namespace Softswitch.Calls.Legs;

/// <summary>The call in the list of <see cref="CallRegistry"/>, and what the shutdown drain needs of it.</summary>
public sealed partial class InboundCall : ILiveCall
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CallRegistry? _active;

    /// <summary>Completes once the call is over and its media, recording and ports are released.</summary>
    public Task WhenReleased => _released.Task;

    /// <summary>Completes once the call's signalling is over too: our BYE answered (or given up), or the caller's answered.</summary>
    public Task WhenSignallingEnded => _session?.Completion ?? Task.CompletedTask;

    /// <summary>The switch is stopping: BYE once answered (480 before), with the reason in the call's last log line.</summary>
    public void HangupForShutdown()
    {
        _end ??= InboundCallEnd.Shutdown;
        Hangup();
    }

    /// <summary>Joins <paramref name="active"/>; false when the switch no longer takes calls.</summary>
    private bool TryJoin(CallRegistry active)
    {
        if (!active.TryAdd(this)) return false;
        _active = active;
        return true;
    }

    /// <summary>Last step of the release: out of the list, and the drain hears of it.</summary>
    private void Leave()
    {
        _active?.Remove(this);
        _released.TrySetResult();
    }

    /// <summary>The caller's leg and the feature answering it.</summary>
    public LiveCallInfo Describe()
    {
        var session = _session;
        var leg = _leg;
        var answeredAt = AnsweredTimestamp;
        var state = session?.State.ToString() ?? "Incoming";
        return new LiveCallInfo(Uuid, CallId, session?.Invite.From.Uri.User ?? "", Dialled, _feature.Name,
            _ended.IsCancellationRequested ? "ending" : answeredAt == 0 ? "ringing" : _onHold ? "held" : "answered",
            _started, answeredAt == 0 ? null : _started + _time.GetElapsedTime(_startedTimestamp, answeredAt),
            [new LiveLegInfo("caller", CallId, session?.Invite.From.Uri.User ?? "", state, leg?.Codec.ToString(), leg?.RemoteRtpEndPoint?.ToString())]);
    }
}
