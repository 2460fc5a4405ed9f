using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Softswitch.Media.Clock;

/// <summary>
/// One clock for all calls: a single loop that ticks every 20 ms against a monotonic time base, so the
/// ticks never drift (tick N is due at start + N·20 ms, whatever the last one cost). No timer or thread
/// per call. Add and Remove are O(1) (a list with swap-remove and an index per listener): at hundreds of calls per
/// second with a thousand playing, a copy of the whole set per change cost more than the ticks. Each tick copies the
/// set into a reused array (a few nanoseconds per listener) and calls them outside the lock; one removed during a
/// tick may still get that tick. A late loop catches up by ticking again at once, up to a bound,
/// so playback keeps its pace after a GC pause.
/// </summary>
public sealed partial class MediaClock : IAsyncDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    /// <summary>Beyond this many missed ticks the clock skips ahead instead of bursting (a burst of 10 frames is already audible).</summary>
    private const int MaxCatchUpTicks = 10;

    private readonly TimeProvider _time;
    private readonly ILogger<MediaClock> _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<IMediaClockListener> _listeners = [];
    private readonly Dictionary<IMediaClockListener, int> _positions = new(ReferenceEqualityComparer.Instance);
    private IMediaClockListener[] _snapshot = [];
    private Task? _loop;

    public MediaClock(TimeProvider time, ILogger<MediaClock> logger)
    {
        _time = time;
        _logger = logger;
    }

    /// <summary>Ticks delivered since start.</summary>
    public long Ticks { get; private set; }

    /// <summary>Ticks skipped because the loop fell more than <see cref="MaxCatchUpTicks"/> behind.</summary>
    public long SkippedTicks { get; private set; }

    public int ListenerCount
    {
        get { lock (_gate) return _listeners.Count; }
    }

    public void Start() => _loop ??= Task.Run(RunAsync);

    /// <summary>Puts <paramref name="listener"/> on the clock from the next tick; a listener already on it stays once.</summary>
    public void Add(IMediaClockListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            if (_positions.TryAdd(listener, _listeners.Count))
            {
                _listeners.Add(listener);
            }
        }
    }

    /// <summary>Takes <paramref name="listener"/> off the clock; a tick already running may still call it once.</summary>
    public void Remove(IMediaClockListener listener)
    {
        lock (_gate)
        {
            if (!_positions.Remove(listener, out var index)) return;
            var last = _listeners.Count - 1;
            if (index != last)
            {
                var moved = _listeners[last];
                _listeners[index] = moved;
                _positions[moved] = index;
            }

            _listeners.RemoveAt(last);
        }
    }

    private async Task RunAsync()
    {
        var start = _time.GetTimestamp();
        long next = 0;
        while (!_stop.IsCancellationRequested)
        {
            var due = TimeSpan.FromTicks(Period.Ticks * next);
            var wait = due - _time.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _time, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            else if (-wait > Period * MaxCatchUpTicks)
            {
                var behind = (long)(-wait / Period);
                next += behind;
                SkippedTicks += behind;
                LogSkipped(behind);
            }

            Tick(next);
            next++;
        }
    }

    private void Tick(long tick)
    {
        Ticks++;
        var count = TakeSnapshot();
        var listeners = _snapshot;
        for (var i = 0; i < count; i++)
        {
            var listener = listeners[i];
            try
            {
                listener.OnTick(tick);
            }
            catch (Exception error)
            {
                // One broken listener must not stop the clock for every other call.
                LogListenerFailed(error, listener.GetType().Name);
                Remove(listener);
            }
        }

        // Drop the references so a listener that left does not stay reachable through the snapshot.
        Array.Clear(listeners, 0, count);
    }

    /// <summary>Copies the listeners into the reused snapshot (only the tick loop touches it); returns how many.</summary>
    private int TakeSnapshot()
    {
        lock (_gate)
        {
            if (_snapshot.Length < _listeners.Count) _snapshot = new IMediaClockListener[Math.Max(_listeners.Count, _snapshot.Length * 2)];
            _listeners.CopyTo(_snapshot);
            return _listeners.Count;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "media clock fell {Behind} ticks behind and skipped ahead")]
    private partial void LogSkipped(long behind);

    [LoggerMessage(Level = LogLevel.Error, Message = "media clock listener {Listener} failed and was removed")]
    private partial void LogListenerFailed(Exception error, string listener);
}
