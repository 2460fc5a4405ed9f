using System.Text;
using Softswitch.Acd.Model;

namespace Softswitch.Acd.Routing;

public sealed partial class AcdEngine
{
    /// <summary>The pools of each relaxation level for a caller of <paramref name="queue"/> with <paramref name="skills"/> (null: the queue's).</summary>
    private AgentPool[] LevelsFor(QueueRecord queue, IReadOnlyList<SkillRequirement>? skills)
    {
        if (skills is null && queue.DefaultLevels.Length > 0) return queue.DefaultLevels;
        var required = skills ?? queue.Definition.RequiredSkills;
        var profile = Key(required);
        if (queue.Profiles.TryGetValue(profile, out var known)) return known;

        var steps = queue.Relaxation;
        var levels = new AgentPool[steps.Length + 1];
        levels[0] = PoolFor(queue, required.Count == 0 ? null : [.. required]);
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            levels[i + 1] = step.AnyAgent || required.Count == 0
                ? PoolFor(queue, null)
                : PoolFor(queue, [.. required.Select(r => r with { MinimumLevel = Math.Max(1, r.MinimumLevel - step.LowerLevelsBy) })]);
        }

        queue.Profiles.Add(profile, levels);
        return levels;
    }

    private AgentPool PoolFor(QueueRecord queue, SkillRequirement[]? requirements)
    {
        var key = requirements is null ? "*" : Key(requirements);
        if (queue.Pools.TryGetValue(key, out var pool)) return pool;
        pool = new AgentPool(queue, requirements);
        queue.Pools.Add(key, pool);
        // Once per distinct set of minimums: the members who qualify join it, the available ones at once.
        foreach (var member in queue.Members)
        {
            var agent = member.Agent;
            if (!pool.Admits(agent)) continue;
            agent.Pools.Add((pool, member));
            if (agent.InPools) pool.AddAvailable(member);
        }

        return pool;
    }

    private static string Key(IReadOnlyList<SkillRequirement> requirements)
    {
        if (requirements.Count == 0) return "*";
        var builder = new StringBuilder();
        foreach (var requirement in requirements.OrderBy(r => r.Skill, StringComparer.Ordinal))
        {
            builder.Append(requirement.Skill).Append('=').Append(requirement.MinimumLevel).Append(';');
        }

        return builder.ToString();
    }

    /// <summary>Puts the agent in or takes it out of its pools as its offerability says; a newly offerable agent takes the best waiting caller.</summary>
    private void Refresh(AgentRecord agent)
    {
        var offerable = agent.State == AgentState.Available && agent.Registered && !agent.OnOtherCall && agent.RestingUntilTicks <= NowTicks();
        if (offerable == agent.InPools) return;
        if (!offerable)
        {
            RemoveFromPools(agent);
            return;
        }

        agent.InPools = true;
        foreach (var (pool, member) in agent.Pools) pool.AddAvailable(member);
        MatchAgent(agent);
    }

    private static void RemoveFromPools(AgentRecord agent)
    {
        if (!agent.InPools) return;
        foreach (var (pool, member) in agent.Pools) pool.RemoveAvailable(member);
        agent.InPools = false;
    }

    /// <summary>Changes the state, keeping each queue's count of active members; a queue that empties may send its callers away.</summary>
    private void SetState(AgentRecord agent, AgentState state, string? pauseReason = null)
    {
        var wasActive = IsActive(agent.State);
        if (TracksStateChanges && (agent.State != state || state == AgentState.Paused))
        {
            _stateChanges.Enqueue(new AgentStateChange(agent.Id, agent.State, state, state == AgentState.Paused ? pauseReason : null));
        }

        agent.State = state;
        agent.PauseReason = state == AgentState.Paused ? pauseReason : null;
        var isActive = IsActive(state);
        if (wasActive == isActive) return;
        foreach (var member in agent.Memberships)
        {
            var queue = member.Queue;
            queue.ActiveMembers += isActive ? 1 : -1;
            if (queue.ActiveMembers == 0 && queue.Definition.LeaveWhenEmpty) EmptyQueue(queue);
        }
    }
}
