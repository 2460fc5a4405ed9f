using System.Globalization;
using Softswitch.Acd.Erlang;

namespace Softswitch.Cli;

/// <summary>
/// <c>softswitch erlang --calls-per-hour 120 --aht 180 --target 80/20</c>: the agents Erlang C says are needed, with the
/// expected service level, average speed of answer, chance of waiting and occupancy, and the same for a few agents
/// fewer and more so a planner sees the trade-off.
/// </summary>
public static class ErlangCommand
{
    public const string DefaultTarget = "80/20";

    public static async Task<int> RunAsync(ErlangInputs inputs, TextWriter output, TextWriter error)
    {
        if (!TryParsePositive(inputs.CallsPerHour, out var callsPerHour))
        {
            await error.WriteLineAsync($"softswitch: --calls-per-hour '{inputs.CallsPerHour}' is not a positive number").ConfigureAwait(false);
            return SoftswitchCli.UsageError;
        }

        if (!TryParsePositive(inputs.AverageHandleTime, out var handleSeconds))
        {
            await error.WriteLineAsync($"softswitch: --aht '{inputs.AverageHandleTime}' is not a positive number of seconds").ConfigureAwait(false);
            return SoftswitchCli.UsageError;
        }

        var targetText = inputs.Target ?? DefaultTarget;
        if (!TryParseTarget(targetText, out var percent, out var thresholdSeconds))
        {
            await error.WriteLineAsync($"softswitch: --target '{targetText}' is not PERCENT/SECONDS with a percent below 100, e.g. 80/20").ConfigureAwait(false);
            return SoftswitchCli.UsageError;
        }

        var handle = TimeSpan.FromSeconds(handleSeconds);
        var threshold = TimeSpan.FromSeconds(thresholdSeconds);
        var needed = ErlangC.AgentsFor(callsPerHour, handle, percent / 100, threshold);
        var within = $"within {Number(thresholdSeconds)} s";
        await output.WriteLineAsync($"traffic            {needed.TrafficErlangs.ToString("0.00", CultureInfo.InvariantCulture)} Erlang ({Number(callsPerHour)} calls/h x {Number(handleSeconds)} s)").ConfigureAwait(false);
        await output.WriteLineAsync($"agents needed      {needed.Agents} (target {Number(percent)}% answered {within})").ConfigureAwait(false);
        await output.WriteLineAsync($"expected SL        {Percent(needed.ServiceLevel)} answered {within}").ConfigureAwait(false);
        await output.WriteLineAsync($"ASA                {Seconds(needed.AverageSpeedOfAnswer)}").ConfigureAwait(false);
        await output.WriteLineAsync($"probability wait   {Percent(needed.ProbabilityOfWaiting)}").ConfigureAwait(false);
        await output.WriteLineAsync($"occupancy          {Percent(needed.Occupancy)}").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("agents  SL       ASA        P(wait)  occupancy").ConfigureAwait(false);
        var first = Math.Max((int)Math.Floor(needed.TrafficErlangs) + 1, needed.Agents - 2);
        for (var agents = first; agents <= needed.Agents + 2; agents++)
        {
            var forecast = ErlangC.Forecast(agents, needed.TrafficErlangs, handle, threshold);
            var mark = agents == needed.Agents ? "  <- needed" : "";
            await output.WriteLineAsync(
                $"{agents,-6}  {Percent(forecast.ServiceLevel),-7}  {Seconds(forecast.AverageSpeedOfAnswer),-9}  {Percent(forecast.ProbabilityOfWaiting),-7}  {Percent(forecast.Occupancy)}{mark}").ConfigureAwait(false);
        }

        return 0;
    }

    private static bool TryParsePositive(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value > 0;

    private static bool TryParseTarget(string text, out double percent, out double seconds)
    {
        seconds = 0;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        percent = 0;
        return slash > 0
            && double.TryParse(text.AsSpan(0, slash).TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out percent)
            && percent is > 0 and < 100
            && double.TryParse(text.AsSpan(slash + 1).TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds)
            && double.IsFinite(seconds) && seconds >= 0;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Seconds(TimeSpan time) =>
        time == TimeSpan.MaxValue ? "unbounded" : time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
