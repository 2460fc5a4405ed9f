using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Calls.Supervision;

/// <summary>
/// One timer for every answered call: each <see cref="CallLimits.SweepInterval"/> it reads each call's last-heard
/// stamp (written by the media path with no allocation) and ends the calls <see cref="CallTimeoutRule"/> condemns.
/// No timer per call and nothing per packet.
/// </summary>
public sealed partial class CallWatchdog : IDisposable
{
    private readonly CallLimits _limits;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<IWatchedCall, byte> _calls = new();
    private readonly ITimer _timer;
    private readonly ILogger _logger;
    private int _sweeping;

    public CallWatchdog(CallLimits limits, TimeProvider time, ILogger<CallWatchdog>? logger = null)
    {
        _logger = logger ?? NullLogger<CallWatchdog>.Instance;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limits.SweepInterval, TimeSpan.Zero, nameof(limits));
        _limits = limits;
        _time = time;
        _timer = time.CreateTimer(_ => Sweep(), null, limits.SweepInterval, limits.SweepInterval);
    }

    /// <summary>Calls being watched now.</summary>
    public int Count => _calls.Count;

    /// <summary>Starts watching an answered call.</summary>
    public void Watch(IWatchedCall call) => _calls.TryAdd(call, 0);

    /// <summary>Stops watching a call that ended (harmless when it was not watched).</summary>
    public void Forget(IWatchedCall call) => _calls.TryRemove(call, out _);

    /// <summary>Checks every call once; the timer calls it, a sweep still running makes the next one skip.</summary>
    public void Sweep()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) != 0) return;
        try
        {
            var now = _time.GetTimestamp();
            foreach (var call in _calls.Keys)
            {
                var timeout = CallTimeoutRule.Decide(_limits, _time.GetElapsedTime(call.AnsweredTimestamp, now),
                    _time.GetElapsedTime(call.LastHeardTimestamp, now), call.OnHold);
                if (timeout == CallTimeout.None || !_calls.TryRemove(call, out _)) continue;
                try
                {
                    call.EndFor(timeout);
                }
                catch (Exception error)
                {
                    // On a timer thread an escaping exception would end the process; one call's failure must not stop the sweep.
                    LogEndFailed(error, timeout);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    public void Dispose() => _timer.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "ending a call for {Timeout} failed")]
    private partial void LogEndFailed(Exception error, CallTimeout timeout);
}
