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

    private readonly SortedSet<QueueMember> _available = new(queue.AgentOrder);

    // Random strategy: one bag per penalty tier, to pick uniformly in the best tier.
    private readonly Dictionary<int, MemberBag>? _tiers = queue.Definition.Strategy == AcdStrategy.Random ? [] : null;

    public int AvailableCount => _available.Count;

    public SortedSet<CallerRecord> Waiting { get; } = new(CallerOrder.Instance);

    public void AddAvailable(QueueMember member)
    {
        if (!_available.Add(member) || _tiers is null) return;
        if (!_tiers.TryGetValue(member.Penalty, out var bag)) _tiers.Add(member.Penalty, bag = new MemberBag());
        bag.Add(member);
    }

    public void RemoveAvailable(QueueMember member)
    {
        if (!_available.Remove(member) || _tiers is null) return;
        _tiers[member.Penalty].Remove(member);
    }

    /// <summary>The agent to offer next (the pool must have one): the queue's order, or a random one of the best tier.</summary>
    public QueueMember BestAvailable(Random random)
    {
        var best = _available.Min!;
        return _tiers is null ? best : _tiers[best.Penalty].Pick(random);
    }

    public QueueMember[] AvailableSnapshot() => [.. _available];

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
