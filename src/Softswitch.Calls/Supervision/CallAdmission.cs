namespace Softswitch.Calls.Supervision;

/// <summary>
/// Counts the calls in progress, in all and per calling extension, and refuses one over <see cref="CallLimits.MaxCalls"/>
/// or <see cref="CallLimits.MaxCallsPerExtension"/>. A call holds its <see cref="CallAdmissionTicket"/> until it ends.
/// </summary>
public sealed class CallAdmission
{
    private readonly CallLimits _limits;
    private readonly Dictionary<string, int> _perExtension = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _total;

    public CallAdmission(CallLimits limits) => _limits = limits;

    /// <summary>Calls admitted and not yet released.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _total;
        }
    }

    /// <summary>Calls admitted for <paramref name="extension"/> and not yet released.</summary>
    public int CountFor(string extension)
    {
        lock (_gate) return _perExtension.GetValueOrDefault(extension);
    }

    /// <summary>
    /// Admits a call from <paramref name="extension"/> (null when the caller is not an extension: only the global limit
    /// applies), or says which limit refuses it.
    /// </summary>
    public CallLimitReached TryAdmit(string? extension, out CallAdmissionTicket? ticket)
    {
        lock (_gate)
        {
            ticket = null;
            if (_limits.MaxCalls > 0 && _total >= _limits.MaxCalls) return CallLimitReached.MaxCalls;
            var mine = extension is null ? 0 : _perExtension.GetValueOrDefault(extension);
            if (extension is not null && _limits.MaxCallsPerExtension > 0 && mine >= _limits.MaxCallsPerExtension)
            {
                return CallLimitReached.MaxCallsPerExtension;
            }

            _total++;
            if (extension is not null) _perExtension[extension] = mine + 1;
            ticket = new CallAdmissionTicket(this, extension);
            return CallLimitReached.None;
        }
    }

    internal void Release(string? extension)
    {
        lock (_gate)
        {
            _total--;
            if (extension is null) return;
            var left = _perExtension.GetValueOrDefault(extension) - 1;
            if (left > 0) _perExtension[extension] = left;
            else _perExtension.Remove(extension);
        }
    }
}
