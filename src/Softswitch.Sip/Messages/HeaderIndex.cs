namespace Softswitch.Sip.Messages;

/// <summary>Collects header entries on the stack, moving to the heap only for unusually many header lines.</summary>
internal ref struct HeaderIndex
{
    private Span<SipHeaderEntry> _entries;

    public HeaderIndex(Span<SipHeaderEntry> initial)
    {
        _entries = initial;
        Count = 0;
    }

    public int Count { get; private set; }

    public readonly ReadOnlySpan<SipHeaderEntry> Entries => _entries[..Count];

    public void Add(SipHeaderEntry entry)
    {
        if (Count == _entries.Length)
        {
            var larger = new SipHeaderEntry[_entries.Length * 2];
            _entries.CopyTo(larger);
            _entries = larger;
        }
        _entries[Count++] = entry;
    }

    /// <summary>Appends a continuation line (§7.3.1 folding) to the last header's value.</summary>
    public void Fold(ReadOnlySpan<byte> data, int lineStart, int lineEnd)
    {
        var start = lineStart;
        while (start < lineEnd && data[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }
        var end = lineEnd;
        while (end > start && data[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }
        if (start == end)
        {
            return;
        }
        ref var last = ref _entries[Count - 1];
        var valueStart = last.ValueLength == 0 ? start : last.ValueStart;
        last = last with { ValueStart = valueStart, ValueLength = end - valueStart };
    }
}
