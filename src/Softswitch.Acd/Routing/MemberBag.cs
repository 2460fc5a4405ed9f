namespace Softswitch.Acd.Routing;

/// <summary>A set that picks a uniformly random element in O(1): a list with each element's index, removal by swapping with the last.</summary>
internal sealed class MemberBag
{
    private readonly List<QueueMember> _members = [];
    private readonly Dictionary<QueueMember, int> _indexes = new(ReferenceEqualityComparer.Instance);

    public int Count => _members.Count;

    public void Add(QueueMember member)
    {
        if (!_indexes.TryAdd(member, _members.Count)) return;
        _members.Add(member);
    }

    public void Remove(QueueMember member)
    {
        if (!_indexes.Remove(member, out var index)) return;
        var last = _members[^1];
        _members.RemoveAt(_members.Count - 1);
        if (index == _members.Count) return;
        _members[index] = last;
        _indexes[last] = index;
    }

    public QueueMember Pick(Random random) => _members[random.Next(_members.Count)];
}
