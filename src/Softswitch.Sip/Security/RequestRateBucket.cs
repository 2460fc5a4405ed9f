namespace Softswitch.Sip.Security;

/// <summary>A token bucket for one source address: refilled at the allowed rate, one token per message.</summary>
internal sealed class RequestRateBucket(double capacity, long now)
{
    private readonly double _capacity = capacity;
    private double _tokens = capacity;

    /// <summary>When a token was last taken or refused (a <see cref="TimeProvider"/> timestamp).</summary>
    public long LastSeen { get; private set; } = now;

    /// <summary>Messages dropped since the last log line about this address.</summary>
    public int DroppedSinceLog { get; set; }

    /// <summary>When this address's drops were last logged; 0 never.</summary>
    public long LastDropLog { get; set; }

    /// <summary>Takes a token if there is one.</summary>
    public bool TryTake(long now, double perSecond, long ticksPerSecond)
    {
        var elapsed = (double)(now - LastSeen) / ticksPerSecond;
        _tokens = Math.Min(_capacity, _tokens + elapsed * perSecond);
        LastSeen = now;
        if (_tokens < 1) return false;
        _tokens -= 1;
        return true;
    }

    /// <summary>Full again by <paramref name="now"/>: forgetting it changes nothing.</summary>
    public bool IsIdle(long now, double perSecond, long ticksPerSecond) =>
        _tokens + (double)(now - LastSeen) / ticksPerSecond * perSecond >= _capacity;
}
