namespace Softswitch.Acd.Statistics;

/// <summary>
/// Counts the present tickets below a ticket in O(log n): a Fenwick tree over ticket numbers, which only grow.
/// When the window is full it is rebuilt from the first present ticket, so its size follows the callers waiting, not all callers ever.
/// </summary>
public sealed class TicketCounter
{
    private const int MinimumCapacity = 1024;
    private int[] _tree = new int[MinimumCapacity + 1];
    private bool[] _present = new bool[MinimumCapacity];
    private long _base;
    private bool _started;

    public int Count { get; private set; }

    public void Add(long ticket)
    {
        if (!_started)
        {
            _base = ticket;
            _started = true;
        }

        // A caller whose offer failed comes back with its old ticket, which may lie below the window.
        if (ticket < _base || ticket - _base >= _present.Length) Rebuild(ticket);
        var index = (int)(ticket - _base);
        if (_present[index]) return;
        _present[index] = true;
        Count++;
        Update(index, 1);
    }

    public void Remove(long ticket)
    {
        var index = ticket - _base;
        if (index < 0 || index >= _present.Length || !_present[index]) return;
        _present[index] = false;
        Count--;
        Update((int)index, -1);
    }

    /// <summary>Present tickets smaller than <paramref name="ticket"/>.</summary>
    public int CountBefore(long ticket)
    {
        var end = Math.Min(ticket - _base, _present.Length);
        var sum = 0;
        for (var i = (int)Math.Max(end, 0); i > 0; i -= i & -i) sum += _tree[i];
        return sum;
    }

    private void Update(int index, int delta)
    {
        for (var i = index + 1; i < _tree.Length; i += i & -i) _tree[i] += delta;
    }

    private void Rebuild(long mustFit)
    {
        var first = Array.IndexOf(_present, true);
        var last = Array.LastIndexOf(_present, true);
        var low = first < 0 ? mustFit : Math.Min(mustFit, _base + first);
        var high = first < 0 ? mustFit : Math.Max(mustFit, _base + last);
        var capacity = (int)Math.Max(MinimumCapacity, 2 * (high - low + 1));
        var present = new bool[capacity];
        for (var i = Math.Max(first, 0); i <= last; i++)
        {
            if (_present[i]) present[_base + i - low] = true;
        }

        var newBase = low;

        _present = present;
        _base = newBase;
        _tree = new int[capacity + 1];
        // Linear Fenwick build: each node passes its sum to its parent.
        for (var i = 1; i <= capacity; i++)
        {
            _tree[i] += present[i - 1] ? 1 : 0;
            var parent = i + (i & -i);
            if (parent <= capacity) _tree[parent] += _tree[i];
        }
    }
}
