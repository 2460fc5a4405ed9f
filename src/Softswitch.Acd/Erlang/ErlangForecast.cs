namespace Softswitch.Acd.Erlang;

/// <summary>What Erlang C predicts for one staffing level.</summary>
/// <param name="TrafficErlangs">Offered load: calls per second × average handle time.</param>
/// <param name="Agents">Agents on the phones.</param>
/// <param name="ProbabilityOfWaiting">Erlang C: the chance a caller waits at all (1 when the agents cannot keep up).</param>
/// <param name="ServiceLevel">Share answered within the threshold.</param>
/// <param name="AverageSpeedOfAnswer">Mean wait over all callers; <see cref="TimeSpan.MaxValue"/> when the queue grows without end.</param>
/// <param name="Occupancy">Traffic over agents (at most 1).</param>
public readonly record struct ErlangForecast(
    double TrafficErlangs, int Agents, double ProbabilityOfWaiting, double ServiceLevel, TimeSpan AverageSpeedOfAnswer, double Occupancy);
