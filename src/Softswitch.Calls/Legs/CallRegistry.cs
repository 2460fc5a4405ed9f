namespace Softswitch.Calls.Legs;

/// <summary>
/// The live call registry: every call in progress (a feature call, a bridged call) is added as the dispatcher starts it
/// and removes itself once its media and recording are released; <see cref="Describe"/> lists them with their legs. <see cref="Close"/> (the shutdown drain) refuses new calls from then on, so the
/// calls it returns are the last ones. Thread-safe.
/// </summary>
public sealed class CallRegistry
{
    private readonly object _gate = new();
    private readonly HashSet<ILiveCall> _calls = new(ReferenceEqualityComparer.Instance);
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
    public bool TryAdd(ILiveCall call)
    {
        lock (_gate) return !_closed && _calls.Add(call);
    }

    /// <summary>The call is over and released.</summary>
    public void Remove(ILiveCall call)
    {
        lock (_gate) _calls.Remove(call);
    }

    /// <summary>Refuses every call from now on and returns the calls still in progress.</summary>
    public IReadOnlyList<ILiveCall> Close()
    {
        lock (_gate)
        {
            _closed = true;
            return [.. _calls];
        }
    }

    /// <summary>The calls in progress now.</summary>
    public IReadOnlyList<ILiveCall> Snapshot()
    {
        lock (_gate) return [.. _calls];
    }

    /// <summary>Each call in progress with its legs, states and codecs.</summary>
    public IReadOnlyList<LiveCallInfo> Describe() => [.. Snapshot().Select(call => call.Describe())];
}
