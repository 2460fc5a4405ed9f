namespace Softswitch.Calls.Supervision;

/// <summary>
/// A per-call budget for a log line that a peer can make us repeat at will (one per DTMF event): at most
/// <c>maxLines</c> in each <c>window</c>, then silence, then one summary of how many were left out. So a flood of
/// events costs a bounded number of lines per call and minute, while the events themselves still go where they go.
/// </summary>
/// <remarks>Used by one reader at a time (the call's digit loop); not thread-safe.</remarks>
public sealed class RepeatedLineLimiter
{
    private readonly int _maxLines;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private long _windowStart;
    private int _linesInWindow;
    private int _suppressed;

    public RepeatedLineLimiter(int maxLines, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _maxLines = maxLines;
        _window = window;
        _time = time;
        _windowStart = time.GetTimestamp();
    }

    /// <summary>
    /// True when this event may be logged. <paramref name="suppressedBefore"/> is how many events were left out since the
    /// last summary when a new window opens (log it before this line), else 0.
    /// </summary>
    public bool TryTake(out int suppressedBefore)
    {
        suppressedBefore = 0;
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(_windowStart, now) >= _window)
        {
            _windowStart = now;
            _linesInWindow = 0;
            suppressedBefore = _suppressed;
            _suppressed = 0;
        }

        if (_linesInWindow < _maxLines)
        {
            _linesInWindow++;
            return true;
        }

        _suppressed++;
        return false;
    }

    /// <summary>The events left out and not yet summarised (for a last line when the call ends); resets the count.</summary>
    public int TakeSuppressed()
    {
        var suppressed = _suppressed;
        _suppressed = 0;
        return suppressed;
    }
}
