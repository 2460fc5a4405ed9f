using System.Runtime.InteropServices;

namespace Softswitch.Calls.Presence;

/// <summary>
/// The dialogs one extension is in, keyed by Call-ID, remembering the order they began. Finding, replacing and
/// removing one is O(1), however many dialogs the extension is in (a trunk-facing or load-test extension can be in
/// hundreds); only listing them in order sorts, and that happens just for an extension somebody watches.
/// </summary>
internal sealed class ExtensionDialogs
{
    private readonly Dictionary<string, Entry> _byCallId = new(StringComparer.Ordinal);
    private long _nextOrder;

    public int Count => _byCallId.Count;

    public DialogActivity? Find(string callId) => _byCallId.TryGetValue(callId, out var entry) ? entry.Activity : null;

    /// <summary>Replaces the dialog with the same Call-ID in its place, or adds it as the newest.</summary>
    public void Set(DialogActivity activity)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_byCallId, activity.CallId, out var existed);
        entry = new Entry(existed ? entry.Order : _nextOrder++, activity);
    }

    public void Remove(string callId) => _byCallId.Remove(callId);

    /// <summary>Every dialog in the order it began, with <paramref name="changed"/> in its place (or last when new).</summary>
    public DialogActivity[] InOrder(DialogActivity? changed = null)
    {
        var entries = new List<Entry>(_byCallId.Count + 1);
        foreach (var entry in _byCallId.Values)
        {
            entries.Add(changed is not null && entry.Activity.CallId == changed.CallId ? entry with { Activity = changed } : entry);
        }

        if (changed is not null && !_byCallId.ContainsKey(changed.CallId)) entries.Add(new Entry(_nextOrder, changed));
        entries.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        var result = new DialogActivity[entries.Count];
        for (var i = 0; i < result.Length; i++) result[i] = entries[i].Activity;
        return result;
    }

    private readonly record struct Entry(long Order, DialogActivity Activity);
}
