namespace Softswitch.Acd.Erlang;

/// <summary>
/// Erlang C (M/M/N, callers wait, nobody abandons): the staffing figures of a queue. P(wait) comes from the Erlang B
/// recurrence B(n) = A·B(n−1) / (n + A·B(n−1)), C = N·B / (N − A·(1 − B)), which needs no factorials and stays exact
/// for thousands of agents; service level = 1 − C·e^(−(N−A)·T/AHT); ASA = C·AHT / (N − A).
/// </summary>
public static class ErlangC
{
    /// <summary>Offered traffic in Erlang.</summary>
    public static double Traffic(double callsPerHour, TimeSpan averageHandleTime) => callsPerHour * averageHandleTime.TotalSeconds / 3600.0;

    /// <summary>The chance that a caller has to wait with <paramref name="agents"/> agents; 1 when they cannot keep up (N ≤ A).</summary>
    public static double ProbabilityOfWaiting(int agents, double traffic)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(traffic);
        if (traffic == 0) return 0;
        if (agents <= traffic) return 1;
        var blocking = 1.0;
        for (var n = 1; n <= agents; n++) blocking = traffic * blocking / (n + traffic * blocking);
        return agents * blocking / (agents - traffic * (1 - blocking));
    }

    /// <summary>The forecast for <paramref name="agents"/> agents and a service-level threshold.</summary>
    public static ErlangForecast Forecast(int agents, double traffic, TimeSpan averageHandleTime, TimeSpan threshold)
    {
        var waiting = ProbabilityOfWaiting(agents, traffic);
        if (agents <= traffic)
        {
            return new ErlangForecast(traffic, agents, waiting, traffic == 0 ? 1 : 0, traffic == 0 ? TimeSpan.Zero : TimeSpan.MaxValue, traffic == 0 ? 0 : 1);
        }

        var spare = agents - traffic;
        var handle = averageHandleTime.TotalSeconds;
        var serviceLevel = 1 - waiting * Math.Exp(-spare * threshold.TotalSeconds / handle);
        var asa = TimeSpan.FromSeconds(waiting * handle / spare);
        return new ErlangForecast(traffic, agents, waiting, serviceLevel, asa, traffic / agents);
    }

    /// <summary>The fewest agents whose service level reaches <paramref name="targetServiceLevel"/> (0–1) within <paramref name="threshold"/>.</summary>
    public static ErlangForecast AgentsFor(double callsPerHour, TimeSpan averageHandleTime, double targetServiceLevel, TimeSpan threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(callsPerHour);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(averageHandleTime, TimeSpan.Zero);
        if (targetServiceLevel is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(targetServiceLevel), "a share between 0 and 1, exclusive");
        var traffic = Traffic(callsPerHour, averageHandleTime);
        if (traffic == 0) return Forecast(0, 0, averageHandleTime, threshold);
        // The service level rises with every agent above the traffic, toward 1, so the search ends.
        for (var agents = (int)Math.Floor(traffic) + 1; ; agents++)
        {
            var forecast = Forecast(agents, traffic, averageHandleTime, threshold);
            if (forecast.ServiceLevel >= targetServiceLevel) return forecast;
        }
    }
}
