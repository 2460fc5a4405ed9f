namespace Softswitch.Sip.Transport;

/// <summary>
/// Turns a burst of refusals into few log lines: the first refusal is reported at once, later ones are counted
/// and reported together at most once per <see cref="ReportInterval"/>. Not thread-safe; the owner locks.
/// </summary>
internal struct RefusalCounter
{
    /// <summary>The shortest time between two reports of one counter.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromMinutes(1);

    private long _lastReportAt;
    private int _unreported;
    private bool _reported;

    /// <summary>Counts one refusal; true when it is time to log, with how many refusals the line covers.</summary>
    public bool Count(TimeProvider time, out int refused)
    {
        _unreported++;
        long now = time.GetTimestamp();
        if (_reported && time.GetElapsedTime(_lastReportAt, now) < ReportInterval)
        {
            refused = 0;
            return false;
        }

        refused = _unreported;
        _unreported = 0;
        _reported = true;
        _lastReportAt = now;
        return true;
    }
}
