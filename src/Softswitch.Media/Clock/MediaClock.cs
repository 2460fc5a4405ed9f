using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Softswitch.Media.Clock;

/// <summary>
/// One clock for all calls: a single loop that ticks every 20 ms against a monotonic time base, so the
/// ticks never drift (tick N is due at start + N·20 ms, whatever the last one cost). No timer or thread
/// per call: listeners are a copy-on-write array read without a lock on each tick. A late loop catches
/// up by ticking again at once, up to a bound, so playback keeps its pace after a GC pause.
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
    private IMediaClockListener[] _listeners = [];
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

    public int ListenerCount => Volatile.Read(ref _listeners).Length;

    public void Start() => _loop ??= Task.Run(RunAsync);

    public void Add(IMediaClockListener listener)
    {
        lock (_gate) _listeners = [.. _listeners, listener];
    }

    public void Remove(IMediaClockListener listener)
    {
        lock (_gate) _listeners = _listeners.Where(l => !ReferenceEquals(l, listener)).ToArray();
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
        foreach (var listener in Volatile.Read(ref _listeners))
        {
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
