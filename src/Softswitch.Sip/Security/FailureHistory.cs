namespace Softswitch.Sip.Security;

/// <summary>The times of the last few failed authentications from one address (a ring of at most the limit).</summary>
internal sealed class FailureHistory(int limit)
{
    private readonly DateTimeOffset[] _times = new DateTimeOffset[limit];
    private int _next;

    /// <summary>Failures recorded, up to the limit.</summary>
    public int Count { get; private set; }

    /// <summary>The newest failure.</summary>
    public DateTimeOffset Newest { get; private set; }

    /// <summary>Records a failure; true when the limit is reached within <paramref name="window"/>.</summary>
    public bool Add(DateTimeOffset now, TimeSpan window)
    {
        _times[_next] = now;
        _next = (_next + 1) % _times.Length;
        Count = Math.Min(Count + 1, _times.Length);
        Newest = now;
        // With the ring full, _next points at the oldest of the last `limit` failures.
        return Count == _times.Length && now - _times[_next % _times.Length] < window;
    }
}
