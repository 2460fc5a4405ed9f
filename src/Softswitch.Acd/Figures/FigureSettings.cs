namespace Softswitch.Acd.Figures;

/// <summary>What <see cref="QueueFigureCalculator"/> counts: the interval, each queue's service-level threshold and the FCR window.</summary>
/// <param name="From">Start of the interval (included).</param>
/// <param name="To">End of the interval (excluded).</param>
public sealed record FigureSettings(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The threshold of a queue not in <see cref="ServiceLevelThresholds"/> (the config's default).</summary>
    public static readonly TimeSpan DefaultServiceLevelThreshold = TimeSpan.FromSeconds(20);

    /// <summary>The default first-call-resolution window.</summary>
    public static readonly TimeSpan DefaultFirstCallWindow = TimeSpan.FromHours(24);

    /// <summary>Each queue's <c>service_level_seconds</c>: answered within it counts toward the service level, abandoned within it is "short".</summary>
    public IReadOnlyDictionary<string, TimeSpan> ServiceLevelThresholds { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Each queue's first-call-resolution window (<c>fcr_hours</c>): an answered call is resolved at first contact when the same number does not enter the same queue again within it.</summary>
    public IReadOnlyDictionary<string, TimeSpan> FirstCallWindows { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>The first-call-resolution window of <paramref name="queue"/>.</summary>
    public TimeSpan FirstCallWindowOf(string queue) =>
        FirstCallWindows.TryGetValue(queue, out var window) ? window : DefaultFirstCallWindow;

    /// <summary>The service-level threshold of <paramref name="queue"/>.</summary>
    public TimeSpan ThresholdOf(string queue) =>
        ServiceLevelThresholds.TryGetValue(queue, out var threshold) ? threshold : DefaultServiceLevelThreshold;

    /// <summary>True when <paramref name="at"/> lies in [From, To).</summary>
    public bool Contains(DateTimeOffset at) => at >= From && at < To;
}
