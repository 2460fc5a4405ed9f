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

            var destinations = (route.Flow is { Length: > 0 } ? 1 : 0) + (route.Extension is { Length: > 0 } ? 1 : 0) + (route.Echo ? 1 : 0);
            if (destinations != 1)
            {
                context.Error(path, $"a route needs exactly one destination (flow, extension or echo), found {destinations}");
            }
            else if (route.Extension is { Length: > 0 } extension && !numbers.Contains(extension))
            {
                context.Error(ConfigKeys.Combine(path, "extension"), $"extension {extension} is not defined under extensions");
            }
        }
    }

    private static bool IsPattern(string match)
    {
        var body = match.EndsWith('*') ? match[..^1] : match;
        return match == "*" || body.Length > 0 && body.All(c => char.IsAsciiDigit(c) || c is 'X' or 'x' or '+' or '#' or '*');
    }
}
