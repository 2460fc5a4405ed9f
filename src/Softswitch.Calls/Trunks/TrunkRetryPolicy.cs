namespace Softswitch.Calls.Trunks;

/// <summary>When a registration is refreshed and how long a failed one waits before the next try.</summary>
public sealed record TrunkRetryPolicy
{
    /// <summary>The wait after the first failure; doubled after each further one.</summary>
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between tries.</summary>
    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the shutdown waits for the carrier to answer the unregister.</summary>
    public TimeSpan UnregisterTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait after <paramref name="failures"/> failures in a row (1 or more).</summary>
    public TimeSpan Backoff(int failures)
    {
        var wait = FirstRetry.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(wait, MaxRetry.TotalSeconds));
    }

    /// <summary>
    /// Refresh at 90 % of the granted time but at least 30 s before it runs out, and never sooner than half of it
    /// (a short grant must not turn into a REGISTER storm).
    /// </summary>
    public static TimeSpan RefreshAfter(TimeSpan granted)
    {
        var refresh = TimeSpan.FromTicks(Math.Min((long)(granted.Ticks * 0.9), (granted - TimeSpan.FromSeconds(30)).Ticks));
        return refresh < granted / 2 ? granted / 2 : refresh;
    }
}
