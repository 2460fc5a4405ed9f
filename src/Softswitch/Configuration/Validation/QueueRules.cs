using Softswitch.Configuration.Options;

namespace Softswitch.Configuration.Validation;

/// <summary>Rules for the ACD's <c>queues</c> and <c>agents</c> lists.</summary>
public static class QueueRules
{
    public static readonly string[] Strategies = ["longest_idle", "ring_all", "round_robin", "fewest_calls", "random"];

    public static void Check(SoftswitchOptions options, ValidationContext context)
    {
        var queues = CheckQueues(options, context);
        Range(context, "acd", "misses_before_pause", options.Acd.MissesBeforePause, 0, 100);
        Range(context, "acd", "rest_after_miss_seconds", options.Acd.RestAfterMissSeconds, 0, 3600);
        var extensions = options.Extensions.Select(e => e.Number).ToHashSet(StringComparer.Ordinal);
        var agents = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Agents.Count; i++)
        {
            var agent = options.Agents[i];
            var path = context.ItemPath("agents", i);
            var extensionKey = ConfigKeys.Combine(path, "extension");
            if (!extensions.Contains(agent.Extension)) context.Error(extensionKey, $"extension '{agent.Extension}' is not defined under extensions");
            else if (!agents.Add(agent.Extension)) context.Error(extensionKey, $"agent {agent.Extension} is defined twice");

            CheckSkills(context, ConfigKeys.Combine(path, "skills"), agent.Skills);
            if (agent.Queues.Count == 0) context.Error(ConfigKeys.Combine(path, "queues"), $"agent {agent.Extension} serves no queue");
            var served = new HashSet<string>(StringComparer.Ordinal);
            for (var q = 0; q < agent.Queues.Count; q++)
            {
                var membership = agent.Queues[q];
                var itemPath = context.ItemPath(ConfigKeys.Combine(path, "queues"), q);
                var nameKey = ConfigKeys.Combine(itemPath, "name");
                if (!queues.Contains(membership.Name)) context.Error(nameKey, $"queue '{membership.Name}' is not defined under queues");
                else if (!served.Add(membership.Name)) context.Error(nameKey, $"queue {membership.Name} is listed twice");
                if (membership.Penalty is < 0 or > 100) context.Error(ConfigKeys.Combine(itemPath, "penalty"), $"penalty must be 0-100 (got {membership.Penalty})");
            }
        }
    }

    private static HashSet<string> CheckQueues(SoftswitchOptions options, ValidationContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var queue in options.Queues) names.Add(queue.Name);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Queues.Count; i++)
        {
            var queue = options.Queues[i];
            var path = context.ItemPath("queues", i);
            var nameKey = ConfigKeys.Combine(path, "name");
            if (queue.Name.Length == 0 || !queue.Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            {
                context.Error(nameKey, $"'{queue.Name}' is not a queue name (lower-case letters, digits, - and _)");
            }
            else if (!seen.Add(queue.Name))
            {
                context.Error(nameKey, $"queue {queue.Name} is defined twice");
            }

            if (!Strategies.Contains(queue.Strategy))
            {
                context.Error(ConfigKeys.Combine(path, "strategy"), $"'{queue.Strategy}' is not a strategy ({string.Join(", ", Strategies)})");
            }

            CheckSkills(context, ConfigKeys.Combine(path, "skills"), queue.Skills);
            var previous = 0;
            for (var r = 0; r < queue.Relaxation.Count; r++)
            {
                var step = queue.Relaxation[r];
                var stepPath = context.ItemPath(ConfigKeys.Combine(path, "relaxation"), r);
                if (step.AfterSeconds <= previous)
                {
                    context.Error(ConfigKeys.Combine(stepPath, "after_seconds"), $"after_seconds must grow step by step and be above 0 (got {step.AfterSeconds} after {previous})");
                }

                previous = Math.Max(previous, step.AfterSeconds);
                if (step.LowerLevelsBy is < 0 or > 100) context.Error(ConfigKeys.Combine(stepPath, "lower_levels_by"), $"lower_levels_by must be 0-100 (got {step.LowerLevelsBy})");
            }

            Range(context, path, "max_wait_seconds", queue.MaxWaitSeconds, 0, 86_400);
            Range(context, path, "max_length", queue.MaxLength, 0, 100_000);
            Range(context, path, "ring_timeout_seconds", queue.RingTimeoutSeconds, 1, 600);
            Range(context, path, "wrap_up_seconds", queue.WrapUpSeconds, 0, 3_600);
            Range(context, path, "service_level_seconds", queue.ServiceLevelSeconds, 1, 3_600);
            Range(context, path, "announce_delay_seconds", queue.AnnounceDelaySeconds, 0, 3_600);
            Range(context, path, "announce_every_seconds", queue.AnnounceEverySeconds, 0, 3_600);
            Range(context, path, "periodic_every_seconds", queue.PeriodicEverySeconds, 1, 3_600);
            if (queue.PeriodicMessage is { } message && !RouteRules.IsSoundName(message))
            {
                context.Error(ConfigKeys.Combine(path, "periodic_message"), $"'{message}' is not a prompt name (a file under sounds/<language> without .wav, e.g. queue-periodic)");
            }

            Range(context, path, "fcr_hours", queue.FcrHours, 1, 720);
            if (!RouteRules.IsSoundName(queue.Music) || queue.Music.Contains('/', StringComparison.Ordinal))
            {
                context.Error(ConfigKeys.Combine(path, "music"), $"'{queue.Music}' is not a music class (a file name under sounds/music without .wav, e.g. default)");
            }

            CheckCallback(context, ConfigKeys.Combine(path, "callback"), queue.Callback);
            if (queue.Overflow is { } overflow) CheckOverflow(options, context, ConfigKeys.Combine(path, "overflow"), queue.Name, overflow, names);
            else if (queue.MaxWaitSeconds > 0 || queue.LeaveWhenEmpty)
            {
                context.Warning(ConfigKeys.Combine(path, "name"), $"queue {queue.Name} has no overflow: callers who wait too long or find it empty are hung up on");
            }
        }

        return names;
    }

    private static void CheckCallback(ValidationContext context, string path, QueueCallbackOptions callback)
    {
        if (callback.Key is not { Length: 1 } key || !"0123456789*#".Contains(key[0], StringComparison.Ordinal))
        {
            context.Error(ConfigKeys.Combine(path, "key"), $"'{callback.Key}' is not one key (0-9, * or #)");
        }

        Range(context, path, "attempts", callback.Attempts, 1, 10);
        Range(context, path, "retry_seconds", callback.RetrySeconds, 0, 86_400);
        Range(context, path, "ring_seconds", callback.RingSeconds, 5, 300);
    }

    private static void CheckOverflow(SoftswitchOptions options, ValidationContext context, string key, string queue, string overflow, HashSet<string> queues)
    {
        var colon = overflow.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? overflow : overflow[..colon];
        var target = colon < 0 ? "" : overflow[(colon + 1)..];
        var problem = kind switch
        {
            "queue" when target == queue => $"queue {queue} cannot overflow to itself",
            "queue" when !queues.Contains(target) => $"queue '{target}' is not defined under queues",
            "voicemail" when options.Extensions.All(e => e.Number != target) => $"extension '{target}' is not defined under extensions",
            "flow" when target.Length == 0 => "flow: needs a flow name",
            "queue" or "voicemail" or "flow" => null,
            _ => $"'{overflow}' is not a destination (queue:NAME, voicemail:EXTENSION or flow:NAME)",
        };
        if (problem is not null) context.Error(key, problem);
    }

    private static void CheckSkills(ValidationContext context, string path, List<SkillLevelOptions> skills)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < skills.Count; s++)
        {
            var skill = skills[s];
            var itemPath = context.ItemPath(path, s);
            if (string.IsNullOrWhiteSpace(skill.Name)) context.Error(ConfigKeys.Combine(itemPath, "name"), "a skill needs a name");
            else if (!names.Add(skill.Name)) context.Error(ConfigKeys.Combine(itemPath, "name"), $"skill {skill.Name} is listed twice");
            if (skill.Level is < 1 or > 100) context.Error(ConfigKeys.Combine(itemPath, "level"), $"level must be 1-100 (got {skill.Level})");
        }
    }

    private static void Range(ValidationContext context, string path, string key, int value, int min, int max)
    {
        if (value < min || value > max) context.Error(ConfigKeys.Combine(path, key), $"{key} must be {min}-{max} (got {value})");
    }
}
