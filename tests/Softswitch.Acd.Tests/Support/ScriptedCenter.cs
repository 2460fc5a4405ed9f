using Softswitch.Acd.Model;

namespace Softswitch.Acd.Tests.Support;

/// <summary>The small call centre the property tests drive: skills, relaxation, wrap-up, a ring-all queue and shared agents.</summary>
internal static class ScriptedCenter
{
    public static readonly TimeSpan Rest = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(120);

    public static AcdConfiguration Configuration() => new(
        [
            new QueueDefinition("sales")
            {
                RequiredSkills = [new SkillRequirement("en", 50)],
                Relaxation = [new RelaxationStep(TimeSpan.FromSeconds(30), 30), new RelaxationStep(TimeSpan.FromSeconds(60), 0, AnyAgent: true)],
                WrapUp = TimeSpan.FromSeconds(3),
                MaxWait = MaxWait,
                OverflowDestination = "voicemail",
            },
            new QueueDefinition("support") { RequiredSkills = [new SkillRequirement("ms", 40), new SkillRequirement("product", 20)] },
            new QueueDefinition("billing") { Strategy = AcdStrategy.RingAll, WrapUp = TimeSpan.FromSeconds(1) },
        ],
        [
            Agent("1001", [("en", 90), ("ms", 50), ("product", 30)], "sales", "support"),
            Agent("1002", [("en", 40)], "sales", "billing"),
            Agent("1003", [("ms", 80), ("product", 10)], "support"),
            Agent("1004", [("en", 60), ("product", 60), ("ms", 40)], "sales", "support", "billing"),
            Agent("1005", [], "sales", "billing"),
            Agent("1006", [("en", 25), ("ms", 45), ("product", 25)], "support", "sales"),
        ])
    {
        MissesBeforePause = 2,
        RestAfterMiss = Rest,
        RandomSeed = 1,
    };

    public static readonly string[] Queues = ["sales", "support", "billing"];

    public static readonly string[] Agents = ["1001", "1002", "1003", "1004", "1005", "1006"];

    /// <summary>Whether the agent may take a caller of the queue at a relaxation level, from the configuration alone.</summary>
    public static bool Qualifies(AcdConfiguration configuration, string agentId, string queueName, int level)
    {
        var agent = configuration.Agents.Single(a => a.Id == agentId);
        if (agent.Queues.All(m => m.Queue != queueName)) return false;
        var queue = configuration.Queues.Single(q => q.Name == queueName);
        var lowerBy = 0;
        if (level > 0)
        {
            var step = queue.Relaxation.OrderBy(s => s.AfterWait).ElementAt(level - 1);
            if (step.AnyAgent) return true;
            lowerBy = step.LowerLevelsBy;
        }

        return queue.RequiredSkills.All(r => agent.Skills.TryGetValue(r.Skill, out var have) && have >= Math.Max(1, r.MinimumLevel - lowerBy));
    }

    private static AgentDefinition Agent(string id, (string, int)[] skills, params string[] queues) => new(id)
    {
        Skills = skills.ToDictionary(s => s.Item1, s => s.Item2),
        Queues = [.. queues.Select(q => new AgentQueueMembership(q))],
    };
}
