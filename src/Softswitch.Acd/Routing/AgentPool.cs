using Softswitch.Acd.Model;

namespace Softswitch.Acd.Routing;

/// <summary>
/// The agents of one queue who meet one set of skill minimums (a caller's skills at one relaxation level), with the
/// available ones sorted by the queue's order and the callers waiting for exactly this set sorted by <see cref="CallerOrder"/>.
/// The engine keeps one invariant: a pool never has both an available agent and a waiting caller.
/// </summary>
internal sealed class AgentPool(QueueRecord queue, SkillRequirement[]? requirements)
{
    public QueueRecord Queue { get; } = queue;

    /// <summary>Null: any agent of the queue.</summary>
    public SkillRequirement[]? Requirements { get; } = requirements;

    public SortedSet<QueueMember> Available { get; } = new(queue.AgentOrder);

    public SortedSet<CallerRecord> Waiting { get; } = new(CallerOrder.Instance);

    public bool Admits(AgentRecord agent)
    {
        if (Requirements is null) return true;
        foreach (var requirement in Requirements)
        {
            if (!agent.Definition.Skills.TryGetValue(requirement.Skill, out var level) || level < requirement.MinimumLevel) return false;
        }

        return true;
    }
}
