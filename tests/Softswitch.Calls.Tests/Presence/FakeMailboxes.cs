using System.Collections.Concurrent;
using Softswitch.Calls.Presence;

namespace Softswitch.Calls.Tests.Presence;

/// <summary>Mailboxes whose counts a test sets; each change is announced as the host's voicemail store does.</summary>
internal sealed class FakeMailboxes : IMessageWaiting
{
    private readonly ConcurrentDictionary<string, MessageSummary> _boxes = new(StringComparer.Ordinal);
    private Action<string>? _changed;

    public FakeMailboxes(params string[] boxes)
    {
        foreach (var box in boxes) _boxes[box] = default;
    }

    public void Set(string box, int @new, int old)
    {
        _boxes[box] = new MessageSummary(@new, old);
        _changed?.Invoke(box);
    }

    public bool TryGetSummary(string extension, out MessageSummary summary) => _boxes.TryGetValue(extension, out summary);

    public void Observe(Action<string> changed) => _changed += changed;
}
