namespace Softswitch.Media.Sdp;

/// <summary>
/// A <c>t=&lt;start&gt; &lt;stop&gt;</c> line (RFC 8866 §5.9) with the <c>r=</c> lines that follow it, kept as text.
/// Telephony always sends <c>t=0 0</c> (unbounded).
/// </summary>
public sealed class SdpTiming
{
    public SdpTiming(ulong startTime, ulong stopTime)
    {
        StartTime = startTime;
        StopTime = stopTime;
    }

    /// <summary>NTP seconds, 0 for "now / unbounded".</summary>
    public ulong StartTime { get; }

    /// <summary>NTP seconds, 0 for "unbounded".</summary>
    public ulong StopTime { get; }

    /// <summary>The <c>r=</c> lines for this timing, verbatim.</summary>
    public List<string> RepeatTimes { get; } = [];

    /// <summary>The text after <c>t=</c>.</summary>
    public override string ToString() => $"{StartTime} {StopTime}";
}
