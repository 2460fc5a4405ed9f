namespace Softswitch.Acd.Routing;

/// <summary>Who is served first: higher priority, then the longest waiting, then arrival order. One order for every queue, so an agent of several queues is fair across them.</summary>
internal sealed class CallerOrder : IComparer<CallerRecord>
{
    public static CallerOrder Instance { get; } = new();

    public int Compare(CallerRecord? x, CallerRecord? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var byPriority = y.Priority.CompareTo(x.Priority);
        if (byPriority != 0) return byPriority;
        var byWait = x.EnteredTicks.CompareTo(y.EnteredTicks);
        return byWait != 0 ? byWait : x.Sequence.CompareTo(y.Sequence);
    }
}
