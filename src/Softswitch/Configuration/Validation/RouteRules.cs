using Softswitch.Configuration.Options;

namespace Softswitch.Configuration.Validation;

/// <summary>Rules for the <c>routes</c> list.</summary>
public static class RouteRules
{
    /// <summary>A usable match and exactly one destination that exists.</summary>
    public static void Check(SoftswitchOptions options, ValidationContext context)
    {
        var numbers = options.Extensions.Select(e => e.Number).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i];
            var path = context.ItemPath("routes", i);
            if (string.IsNullOrWhiteSpace(route.Match))
            {
                context.Error(ConfigKeys.Combine(path, "match"), "match is missing");
            }
            else if (!IsPattern(route.Match))
            {
                context.Error(ConfigKeys.Combine(path, "match"), $"'{route.Match}' is not a number or pattern (digits, +, #, * for feature codes, X for any digit, a final * for the rest)");
            }

            var destinations = DestinationCount(route);
            if (destinations != 1)
            {
                context.Error(path, $"a route needs exactly one destination (flow, queue, extension, ring_group, trunk, echo, music or meet_me), found {destinations}");
            }
            else if (route.Extension is { Length: > 0 } extension && !numbers.Contains(extension))
            {
                context.Error(ConfigKeys.Combine(path, "extension"), $"extension {extension} is not defined under extensions");
            }
            else if (route.Queue is { Length: > 0 } queue && !options.Queues.Any(q => q.Name == queue))
            {
                context.Error(ConfigKeys.Combine(path, "queue"), $"queue {queue} is not defined under queues");
            }
            else if (route.RingGroup is { Length: > 0 } group && !options.RingGroups.Any(g => g.Number == group))
            {
                context.Error(ConfigKeys.Combine(path, "ring_group"), $"ring group {group} is not defined under ring_groups");
            }

            CheckTrunkRoute(options, route, path, context);

            if (route.AnswerAfterMs is < 0 or > 60_000)
            {
                context.Error(ConfigKeys.Combine(path, "answer_after_ms"), $"{route.AnswerAfterMs} is outside 0..60000");
            }

            CheckSoundName(context, ConfigKeys.Combine(path, "music"), route.Music);
            CheckSoundName(context, ConfigKeys.Combine(path, "greeting"), route.Greeting);
        }
    }

    /// <summary>How many of flow, queue, extension, ring_group, trunk, echo, music and meet_me the route names (a usable route names one).</summary>
    public static int DestinationCount(RouteOptions route) =>
        (route.Flow is { Length: > 0 } ? 1 : 0) + (route.Extension is { Length: > 0 } ? 1 : 0) + (route.RingGroup is { Length: > 0 } ? 1 : 0)
        + (route.Trunk is { Length: > 0 } ? 1 : 0) + (route.Queue is { Length: > 0 } ? 1 : 0)
        + (route.Echo ? 1 : 0)
        + (route.Music is { Length: > 0 } ? 1 : 0) + (route.MeetMe ? 1 : 0);

    /// <summary>Sound names are file names under sounds/, never paths that climb out of it.</summary>
    private static void CheckSoundName(ValidationContext context, string key, string? name)
    {
        if (name is null) return;
        if (!IsSoundName(name))
        {
            context.Error(key, $"'{name}' is not a sound name (a name under sounds/, without .wav, e.g. echo-test or music/default)");
        }
    }

    /// <summary>A name under sounds/ without .wav that cannot climb out of the folder.</summary>
    public static bool IsSoundName(string name) =>
        name.Length > 0 && !name.Contains("..", StringComparison.Ordinal) && !name.StartsWith('/') && !name.Contains('\\')
        && !name.EndsWith(".wav", StringComparison.OrdinalIgnoreCase);

    private static bool IsPattern(string match)
    {
        var body = match.EndsWith('*') ? match[..^1] : match;
        return match == "*" || body.Length > 0 && body.All(c => char.IsAsciiDigit(c) || c is 'X' or 'x' or '+' or '#' or '*');
    }

    /// <summary>Trunks that exist, a known permission class, a context that is internal or a trunk's inbound one.</summary>
    private static void CheckTrunkRoute(SoftswitchOptions options, RouteOptions route, string path, ValidationContext context)
    {
        var trunks = options.Trunks.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        if (route.Trunk is { Length: > 0 } trunk && !trunks.Contains(trunk))
        {
            context.Error(ConfigKeys.Combine(path, "trunk"), $"trunk {trunk} is not defined under trunks");
        }

        for (var i = 0; i < route.Failover.Count; i++)
        {
            if (!trunks.Contains(route.Failover[i]))
            {
                context.Error(context.ItemPath(ConfigKeys.Combine(path, "failover"), i), $"trunk {route.Failover[i]} is not defined under trunks");
            }
        }

        if (route.Requires is { } requires && requires is not ("national" or "international"))
        {
            context.Error(ConfigKeys.Combine(path, "requires"), $"'{requires}' is not a permission a trunk route can require (national or international)");
        }

        if (route.Strip is < 0 or > 20) context.Error(ConfigKeys.Combine(path, "strip"), $"strip must be 0-20 (got {route.Strip})");
        var contexts = options.Trunks.Select(t => t.Context).Append("internal").ToHashSet(StringComparer.Ordinal);
        if (route.Context is { } name && !contexts.Contains(name))
        {
            var trunkContexts = string.Join(", ", contexts.Where(c => c != "internal"));
            context.Error(ConfigKeys.Combine(path, "context"), trunkContexts.Length == 0
                ? $"'{name}' is no context: internal (no trunk is configured)"
                : $"'{name}' is no context: internal, or a trunk's context ({trunkContexts})");
        }
    }
}
