namespace Softswitch.Calls.Routing;

/// <summary>
/// The configured routes as one immutable snapshot, per context (extensions dial in <c>internal</c>, a trunk's DIDs
/// in its inbound context): exact numbers first, then patterns from the most specific. A configuration reload builds
/// a new plan and swaps it in; calls in progress keep the route they got.
/// </summary>
public sealed class DialPlan
{
    private readonly Dictionary<string, Context> _contexts;

    public DialPlan(IEnumerable<DialPlanRoute> routes)
    {
        var all = routes.ToList();
        _contexts = all.GroupBy(r => r.Context, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new Context([.. g]), StringComparer.Ordinal);
        Routes = all;
    }

    public static DialPlan Empty { get; } = new([]);

    public IReadOnlyList<DialPlanRoute> Routes { get; }

    /// <summary>The route for <paramref name="dialled"/> in <paramref name="context"/>, or null.</summary>
    public DialPlanRoute? Find(string dialled, string context = DialContexts.Internal) =>
        _contexts.TryGetValue(context, out var routes) ? routes.Find(dialled) : null;

    private sealed class Context
    {
        private readonly Dictionary<string, DialPlanRoute> _exact;
        private readonly DialPlanRoute[] _patterns;

        public Context(List<DialPlanRoute> routes)
        {
            _exact = routes.Where(r => !r.IsPattern).GroupBy(r => r.Match, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            _patterns = routes.Where(r => r.IsPattern).OrderByDescending(r => r.Specificity).ToArray();
        }

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
}
