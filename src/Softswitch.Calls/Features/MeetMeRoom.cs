using Softswitch.Channels;

namespace Softswitch.Calls.Features;

/// <summary>
/// One meet-me number: empty, one caller waiting, or two callers bridged. Thread-safe; calls join and leave from
/// their own flows.
/// </summary>
public sealed class MeetMeRoom
{
    private readonly object _gate = new();
    private (ICallChannel Call, TaskCompletionSource<ICallChannel> Partner)? _waiting;
    private int _bridged;

    /// <summary>Two callers are bridged: a third is refused (486) before it is answered.</summary>
    public bool IsFull
    {
        get
        {
            lock (_gate) return _bridged > 0;
        }
    }

    /// <summary>
    /// Joins the room: null when it is full; a task that completes with the partner for the first caller (when the
    /// second arrives); a completed task with the waiting caller for the second.
    /// </summary>
    public Task<ICallChannel>? Join(ICallChannel call, out bool isFirst)
    {
        lock (_gate)
        {
            isFirst = false;
            if (_bridged > 0) return null;
            if (_waiting is { } waiting)
            {
                _waiting = null;
                _bridged = 1;
                waiting.Partner.TrySetResult(call);
                return Task.FromResult(waiting.Call);
            }

            isFirst = true;
            var partner = new TaskCompletionSource<ICallChannel>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting = (call, partner);
            return partner.Task;
        }
    }

    /// <summary>The waiting caller gave up before anyone came.</summary>
    public void LeaveWaiting(ICallChannel call)
    {
        lock (_gate)
        {
            if (_waiting is { } waiting && ReferenceEquals(waiting.Call, call)) _waiting = null;
        }
    }

    /// <summary>The bridged pair is over: the room is free again.</summary>
    public void EndBridge()
    {
        lock (_gate) _bridged = 0;
    }
}
