using Softswitch.Acd.Model;

namespace Softswitch.Acd.Routing;

/// <summary>Which available agent of a queue is offered first: lower penalty, then the queue's strategy, then configuration order.</summary>
internal sealed class AgentOrder(AcdStrategy strategy) : IComparer<QueueMember>
{
    public int Compare(QueueMember? x, QueueMember? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var byPenalty = x.Penalty.CompareTo(y.Penalty);
        if (byPenalty != 0) return byPenalty;
        var a = x.Agent;
        var b = y.Agent;
        var byStrategy = strategy switch
        {
            AcdStrategy.RoundRobin => x.LastOfferSequence.CompareTo(y.LastOfferSequence),
            AcdStrategy.FewestCalls => a.CallsAnswered != b.CallsAnswered
                ? a.CallsAnswered.CompareTo(b.CallsAnswered)
                : a.LastCallEndTicks.CompareTo(b.LastCallEndTicks),
            // Random picks within the best penalty tier itself (AgentPool); the set only orders the tiers.
            AcdStrategy.Random => 0,
            _ => a.LastCallEndTicks.CompareTo(b.LastCallEndTicks),
        };
        return byStrategy != 0 ? byStrategy : a.Order.CompareTo(b.Order);
    }
}
