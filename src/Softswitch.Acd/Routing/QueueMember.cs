namespace Softswitch.Acd.Routing;

/// <summary>An agent's membership of one queue: the element the queue's pools keep in their available sets.</summary>
internal sealed class QueueMember(AgentRecord agent, QueueRecord queue, int penalty)
{
    public AgentRecord Agent { get; } = agent;

    public QueueRecord Queue { get; } = queue;

    public int Penalty { get; } = penalty;

    /// <summary>When this queue last offered the agent a call (round-robin), as the queue's offer sequence.</summary>
    public long LastOfferSequence { get; set; } = -1;
}
