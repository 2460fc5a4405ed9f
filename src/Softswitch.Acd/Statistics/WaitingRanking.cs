namespace Softswitch.Acd.Statistics;

/// <summary>
/// A queue's waiting callers ranked as they are served (higher priority first, then arrival): a caller's position is the
/// callers of higher priorities plus the earlier tickets of its own, in O(priorities + log n).
/// </summary>
public sealed class WaitingRanking
{
    // Few distinct priorities in practice: a short list sorted high to low.
    private readonly List<(int Priority, TicketCounter Tickets)> _byPriority = [];

    public int Count { get; private set; }

    public void Add(int priority, long ticket)
    {
        var tickets = CounterFor(priority);
        var before = tickets.Count;
        tickets.Add(ticket);
        Count += tickets.Count - before;
    }

    public void Remove(int priority, long ticket)
    {
        foreach (var (p, tickets) in _byPriority)
        {
            if (p != priority) continue;
            var before = tickets.Count;
            tickets.Remove(ticket);
            Count -= before - tickets.Count;
            return;
        }
    }

    /// <summary>1-based position of a waiting caller.</summary>
    public int PositionOf(int priority, long ticket)
    {
        var ahead = 0;
        foreach (var (p, tickets) in _byPriority)
        {
            if (p > priority) ahead += tickets.Count;
            else if (p == priority) ahead += tickets.CountBefore(ticket);
            else break;
        }

        return ahead + 1;
    }

    private TicketCounter CounterFor(int priority)
    {
        var index = 0;
        for (; index < _byPriority.Count; index++)
        {
            if (_byPriority[index].Priority == priority) return _byPriority[index].Tickets;
            if (_byPriority[index].Priority < priority) break;
        }

        var created = new TicketCounter();
        _byPriority.Insert(index, (priority, created));
        return created;
    }
}
