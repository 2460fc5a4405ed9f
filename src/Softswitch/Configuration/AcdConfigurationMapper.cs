using Softswitch.Acd.Model;
using Softswitch.Configuration.Options;

namespace Softswitch.Configuration;

/// <summary>The validated <c>queues</c> and <c>agents</c> as the ACD engine's model (for the composition root, once the ACD is wired to calls).</summary>
public static class AcdConfigurationMapper
{
    public static AcdConfiguration Map(SoftswitchOptions options) => new(
        [.. options.Queues.Select(MapQueue)],
        [.. options.Agents.Select(MapAgent)])
    {
        MissesBeforePause = options.Acd.MissesBeforePause,
        RestAfterMiss = TimeSpan.FromSeconds(options.Acd.RestAfterMissSeconds),
    };

    private static QueueDefinition MapQueue(QueueOptions queue) => new(queue.Name)
    {
        Strategy = queue.Strategy switch
        {
            "ring_all" => AcdStrategy.RingAll,
            "round_robin" => AcdStrategy.RoundRobin,
            "fewest_calls" => AcdStrategy.FewestCalls,
            "random" => AcdStrategy.Random,
            _ => AcdStrategy.LongestIdle,
        },
        RequiredSkills = [.. queue.Skills.Select(s => new SkillRequirement(s.Name, s.Level))],
        Relaxation = [.. queue.Relaxation.Select(r => new RelaxationStep(TimeSpan.FromSeconds(r.AfterSeconds), r.LowerLevelsBy, r.AnyAgent))],
        MaxWait = queue.MaxWaitSeconds > 0 ? TimeSpan.FromSeconds(queue.MaxWaitSeconds) : null,
        OverflowDestination = queue.Overflow,
        JoinWhenEmpty = queue.JoinWhenEmpty,
        LeaveWhenEmpty = queue.LeaveWhenEmpty,
        MaxLength = queue.MaxLength,
        RingTimeout = TimeSpan.FromSeconds(queue.RingTimeoutSeconds),
        WrapUp = TimeSpan.FromSeconds(queue.WrapUpSeconds),
        ServiceLevelThreshold = TimeSpan.FromSeconds(queue.ServiceLevelSeconds),
    };

    private static AgentDefinition MapAgent(AgentOptions agent) => new(agent.Extension)
    {
        Skills = agent.Skills.ToDictionary(s => s.Name, s => s.Level, StringComparer.Ordinal),
        Queues = [.. agent.Queues.Select(q => new AgentQueueMembership(q.Name, q.Penalty))],
    };
}
