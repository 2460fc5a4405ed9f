using Softswitch.Configuration.Options;

namespace Softswitch.Configuration.Validation;

/// <summary>Rules for the <c>ring_groups</c> list.</summary>
public static class RingGroupRules
{
    /// <summary>A unique number that is no extension's, a known strategy, members and fallback that are extensions, sane times.</summary>
    public static void Check(SoftswitchOptions options, ValidationContext context)
    {
        var extensions = options.Extensions.Select(e => e.Number).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.RingGroups.Count; i++)
        {
            var group = options.RingGroups[i];
            var path = context.ItemPath("ring_groups", i);
            var numberKey = ConfigKeys.Combine(path, "number");
            if (string.IsNullOrWhiteSpace(group.Number) || !group.Number.All(char.IsAsciiDigit))
            {
                context.Error(numberKey, $"'{group.Number}' must be digits only (it is dialled from a keypad)");
            }
            else if (extensions.Contains(group.Number))
            {
                context.Error(numberKey, $"{group.Number} is already an extension's number");
            }
            else if (!seen.Add(group.Number))
            {
                context.Error(numberKey, $"ring group {group.Number} is defined twice");
            }

            if (group.Strategy is not ("ring_all" or "in_order"))
            {
                context.Error(ConfigKeys.Combine(path, "strategy"), $"'{group.Strategy}' is not a strategy (ring_all or in_order)");
            }

            if (group.Members.Count == 0) context.Error(ConfigKeys.Combine(path, "members"), $"ring group {group.Number} has no members");
            for (var m = 0; m < group.Members.Count; m++)
            {
                if (!extensions.Contains(group.Members[m]))
                {
                    context.Error(context.ItemPath(ConfigKeys.Combine(path, "members"), m), $"member {group.Members[m]} is not defined under extensions");
                }
            }

            if (group.Fallback is { Length: > 0 } fallback && !extensions.Contains(fallback))
            {
                context.Error(ConfigKeys.Combine(path, "fallback"), $"fallback {fallback} is not defined under extensions");
            }

            if (group.RingSeconds is < 1 or > 600) context.Error(ConfigKeys.Combine(path, "ring_seconds"), $"ring_seconds must be 1-600 (got {group.RingSeconds})");
            if (group.MemberRingSeconds is < 1 or > 600)
            {
                context.Error(ConfigKeys.Combine(path, "member_ring_seconds"), $"member_ring_seconds must be 1-600 (got {group.MemberRingSeconds})");
            }
        }
    }
}
