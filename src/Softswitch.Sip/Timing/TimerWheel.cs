namespace Softswitch.Sip.Timing;

/// <summary>
/// A <see cref="TimeProvider"/> whose timers live on a hashed timing wheel ticking every <see cref="Resolution"/>:
/// arming, moving and cancelling a timer is O(1), and a tick touches only the timers of its slot. The SIP layer arms
/// several timers per transaction and keeps most of them for seconds (a BYE's server transaction waits 32 s over UDP,
/// RFC 3261 §17.2.2 Timer J), so at a few hundred calls a second tens of thousands are pending at once; the runtime's
/// own timer queue walks its whole list of timers as they fire, which cost more CPU than parsing the SIP. A timer fires
/// no earlier than asked and at most one tick (plus scheduling) later, which every SIP timer tolerates (T1 is 500 ms).
/// Time itself (now, timestamps) is the inner provider's.
/// </summary>
/// <remarks>
/// Callbacks run on the tick's thread, one after another and outside the wheel's lock, so they may arm, move or cancel
/// timers (their own too); like the runtime's timers they must not block. With a zero <see cref="Resolution"/> every
/// timer is the inner provider's own (exact timers, for tests that step a fake clock by exact amounts).
/// </remarks>
public sealed partial class TimerWheel : TimeProvider, IDisposable
{
    private const int SlotCount = 4096;

    private readonly TimeProvider _inner;
    private readonly Lock _gate = new();
    private readonly WheelTimer?[] _slots = new WheelTimer?[SlotCount];
    private readonly WheelTimer?[] _tails = new WheelTimer?[SlotCount];
    private readonly List<(WheelTimer Timer, int Generation)> _due = [];
    private readonly long _resolutionTicks;
    private readonly long _start;
    private readonly ITimer? _tick;
    private long _processedTick;
    private int _ticking;
    private int _pending;

    /// <param name="inner">The clock, and the timer that drives the ticks.</param>
    /// <param name="resolution">The tick; zero makes every timer the inner provider's own.</param>
    public TimerWheel(TimeProvider inner, TimeSpan resolution)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, TimeSpan.Zero);
        _inner = inner;
        Resolution = resolution;
        _resolutionTicks = resolution.Ticks;
        if (_resolutionTicks == 0) return;
        _start = inner.GetTimestamp();
        _tick = inner.CreateTimer(static state => ((TimerWheel)state!).Tick(), this, resolution, resolution);
    }

    /// <summary>How often the wheel turns (zero: the inner provider's exact timers).</summary>
    public TimeSpan Resolution { get; }

    /// <summary>Timers armed and not yet fired or cancelled (diagnostics, tests).</summary>
    public int Pending => Volatile.Read(ref _pending);

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (_resolutionTicks == 0) return _inner.CreateTimer(callback, state, dueTime, period);
        var timer = new WheelTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Dispose()
    {
        _tick?.Dispose();
        lock (_gate)
        {
            for (var slot = 0; slot < SlotCount; slot++)
            {
                for (var timer = _slots[slot]; timer is not null; timer = timer.Next) timer.Slot = -1;
                _slots[slot] = _tails[slot] = null;
            }

            _pending = 0;
        }
    }

    /// <summary>The tick the wheel should have reached by now (elapsed time in whole ticks).</summary>
    private long CurrentTick() => _inner.GetElapsedTime(_start).Ticks / _resolutionTicks;

    /// <summary>Arms <paramref name="timer"/> <paramref name="due"/> from now; under the gate.</summary>
    private void InsertLocked(WheelTimer timer, TimeSpan due)
    {
        // Round up, and never into a tick already processed: a timer fires no earlier than asked.
        var elapsed = _inner.GetElapsedTime(_start).Ticks;
        var deadline = Math.Max((elapsed + due.Ticks + _resolutionTicks - 1) / _resolutionTicks, _processedTick + 1);
        timer.Rounds = (deadline - _processedTick - 1) / SlotCount;
        var slot = (int)(deadline % SlotCount);
        // Appended, so timers due in the same tick fire in the order they were armed.
        timer.Slot = slot;
        timer.Next = null;
        timer.Previous = _tails[slot];
        if (timer.Previous is not null) timer.Previous.Next = timer;
        else _slots[slot] = timer;
        _tails[slot] = timer;
        _pending++;
    }

    /// <summary>Takes <paramref name="timer"/> off the wheel if it is on it; under the gate.</summary>
    private void RemoveLocked(WheelTimer timer)
    {
        if (timer.Slot < 0) return;
        if (timer.Previous is not null) timer.Previous.Next = timer.Next;
        else _slots[timer.Slot] = timer.Next;
        if (timer.Next is not null) timer.Next.Previous = timer.Previous;
        else _tails[timer.Slot] = timer.Previous;
        timer.Slot = -1;
        timer.Previous = timer.Next = null;
        _pending--;
    }

    private void Tick()
    {
        // The runtime may start a tick while a slow one still runs: that one catches up for both.
        if (Interlocked.Exchange(ref _ticking, 1) != 0) return;
        try
        {
            var target = CurrentTick();
            while (true)
            {
                lock (_gate)
                {
                    if (_processedTick >= target) break;
                    _processedTick++;
                    CollectDueLocked((int)(_processedTick % SlotCount));
                }

                // Outside the gate: a callback may arm or cancel timers.
                foreach (var (timer, generation) in _due) timer.Fire(generation);
                _due.Clear();
            }
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    private void CollectDueLocked(int slot)
    {
        // Only the timers in the slot now: a periodic one re-armed a whole turn ahead is appended behind them.
        var last = _tails[slot];
        var timer = _slots[slot];
        while (timer is not null)
        {
            var next = timer == last ? null : timer.Next;
            if (timer.Rounds > 0)
            {
                timer.Rounds--;
            }
            else
            {
                RemoveLocked(timer);
                if (timer.Period > TimeSpan.Zero) InsertLocked(timer, timer.Period);
                _due.Add((timer, timer.Generation));
            }

            timer = next;
        }
    }
}
