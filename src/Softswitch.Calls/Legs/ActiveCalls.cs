namespace Softswitch.Calls.Legs;

/// <summary>
/// The calls in progress: each <see cref="InboundCall"/> is added as the dispatcher starts it and removes itself once its
/// media and recording are released. <see cref="Close"/> (the shutdown drain) refuses new calls from then on, so the
/// calls it returns are the last ones. Thread-safe.
/// </summary>
public sealed class ActiveCalls
{
    private readonly object _gate = new();
    private readonly HashSet<InboundCall> _calls = new(ReferenceEqualityComparer.Instance);
    private bool _closed;

    public int Count
    {
        get { lock (_gate) return _calls.Count; }
    }

    /// <summary>True once <see cref="Close"/> was called: new calls are refused.</summary>
    public bool IsClosed
    {
        get { lock (_gate) return _closed; }
    }

    /// <summary>Adds a starting call; false (nothing added) once closed.</summary>
    public bool TryAdd(InboundCall call)
    {
        lock (_gate) return !_closed && _calls.Add(call);
    }

    /// <summary>The call is over and released.</summary>
    public void Remove(InboundCall call)
    {
        lock (_gate) _calls.Remove(call);
    }

    /// <summary>Refuses every call from now on and returns the calls still in progress.</summary>
    public IReadOnlyList<InboundCall> Close()
    {
        lock (_gate)
        {
            _closed = true;
            return [.. _calls];
        }
    }

    /// <summary>The calls in progress now.</summary>
    public IReadOnlyList<InboundCall> Snapshot()
    {
        lock (_gate) return [.. _calls];
    }
}
