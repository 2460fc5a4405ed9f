using System.Collections;

namespace Softswitch.Calls.Signalling;

/// <summary>A logging scope carrying the Call-ID, so every line logged while handling a message names it.</summary>
internal sealed class CallScope(string callId) : IReadOnlyList<KeyValuePair<string, object>>
{
    public KeyValuePair<string, object> this[int index] =>
        index == 0 ? new KeyValuePair<string, object>("CallId", callId) : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => 1;

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"CallId:{callId}";
}
