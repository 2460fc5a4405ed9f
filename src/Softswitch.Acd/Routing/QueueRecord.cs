using Softswitch.Acd.Model;
using Softswitch.Acd.Statistics;

namespace Softswitch.Acd.Routing;

/// <summary>One queue's live state: its members, its pools (one per distinct set of skill minimums), its callers and figures.</summary>
internal sealed class QueueRecord(QueueDefinition definition, RelaxationStep[] relaxation, int statisticsWindow)
{
    public QueueDefinition Definition { get; } = definition;

    /// <summary>The relaxation steps sorted by wait.</summary>
    public RelaxationStep[] Relaxation { get; } = relaxation;

    public AgentOrder AgentOrder { get; } = new(definition.Strategy);

    public List<QueueMember> Members { get; } = [];

    /// <summary>Pools by their skill minimums ("*" for any agent of the queue).</summary>
    public Dictionary<string, AgentPool> Pools { get; } = new(StringComparer.Ordinal);

    /// <summary>The pools of each relaxation level for one set of caller skills.</summary>
    public Dictionary<string, AgentPool[]> Profiles { get; } = new(StringComparer.Ordinal);

    /// <summary>The levels of a caller who brings no skills of its own (the queue's).</summary>
    public AgentPool[] DefaultLevels { get; set; } = [];

    public HashSet<CallerRecord> Callers { get; } = [];

    /// <summary>Members logged in and not paused: "empty" means none.</summary>
    public int ActiveMembers { get; set; }

    public long NextOfferSequence { get; set; }

    public long NextTicket { get; set; }

    public WaitingRanking Ranking { get; } = new();

    public QueueStatistics Statistics { get; } = new(statisticsWindow, definition.ServiceLevelThreshold);
}
