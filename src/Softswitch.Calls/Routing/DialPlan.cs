namespace Softswitch.Calls.Routing;

/// <summary>
/// The configured routes as one immutable snapshot: exact numbers first, then patterns from the most specific.
/// A configuration reload builds a new plan and swaps it in; calls in progress keep the route they got.
/// </summary>
public sealed class DialPlan
{
    private readonly Dictionary<string, DialPlanRoute> _exact;
    private readonly DialPlanRoute[] _patterns;

    public DialPlan(IEnumerable<DialPlanRoute> routes)
    {
        var all = routes.ToList();
        _exact = all.Where(r => !r.IsPattern).GroupBy(r => r.Match, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _patterns = all.Where(r => r.IsPattern).OrderByDescending(r => r.Specificity).ToArray();
        Routes = all;
    }

    public static DialPlan Empty { get; } = new([]);

    public IReadOnlyList<DialPlanRoute> Routes { get; }

    public DialPlanRoute? Find(string dialled)
    {
        if (_exact.TryGetValue(dialled, out var route)) return route;
        foreach (var pattern in _patterns)
        {
            if (pattern.Matches(dialled)) return pattern;
        }

        return null;
    }
}
