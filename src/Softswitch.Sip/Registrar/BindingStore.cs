namespace Softswitch.Sip.Registrar;

/// <summary>
/// The registrar's location data: for each address-of-record, its contact bindings (RFC 3261 §10.3).
/// Expired bindings are never returned (checked on read) and are deleted by the next update of their AOR or by
/// <see cref="RemoveExpired"/>, which the host calls periodically; there is no timer per binding.
/// Thread-safe: one lock, held only for in-memory work (registrations are rare next to lookups of the map).
/// </summary>
public sealed class BindingStore
{
    private readonly TimeProvider _timeProvider;
    private readonly IBindingStoreObserver? _observer;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<ContactBinding>> _bindingsByAor = new(StringComparer.Ordinal);

    /// <param name="timeProvider">The clock expiry is judged by.</param>
    /// <param name="observer">Told of every committed change (persistence); null when nothing listens.</param>
    public BindingStore(TimeProvider timeProvider, IBindingStoreObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _observer = observer;
    }

    /// <summary>The clock the store judges expiry by.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>The live bindings of an AOR (empty when none), oldest first.</summary>
    public IReadOnlyList<ContactBinding> GetBindings(string addressOfRecord)
    {
        ArgumentNullException.ThrowIfNull(addressOfRecord);
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            return _bindingsByAor.TryGetValue(addressOfRecord, out var bindings)
                ? bindings.Where(b => b.IsLiveAt(now)).ToArray()
                : [];
        }
    }

    /// <summary>Every live binding of every AOR, for status pages.</summary>
    public IReadOnlyList<ContactBinding> GetAllBindings()
    {
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            return _bindingsByAor.Values.SelectMany(list => list).Where(b => b.IsLiveAt(now)).ToArray();
        }
    }

    /// <summary>Deletes every binding whose time has passed and returns them, so the host can log the expiries.</summary>
    public IReadOnlyList<ContactBinding> RemoveExpired()
    {
        var now = _timeProvider.GetUtcNow();
        var expired = new List<ContactBinding>();
        lock (_lock)
        {
            List<string>? emptied = null;
            foreach (var (aor, bindings) in _bindingsByAor)
            {
                for (var i = bindings.Count - 1; i >= 0; i--)
                {
                    if (!bindings[i].IsLiveAt(now))
                    {
                        expired.Add(bindings[i]);
                        bindings.RemoveAt(i);
                    }
                }
                if (bindings.Count == 0) (emptied ??= []).Add(aor);
            }
            emptied?.ForEach(aor => _bindingsByAor.Remove(aor));
            if (expired.Count > 0) _observer?.OnBindingsChanged(expired.Select(b => new BindingChange(BindingChangeKind.Expired, b)).ToArray());
        }
        expired.Reverse(); // oldest first within each AOR
        return expired;
    }

    /// <summary>
    /// Runs <paramref name="update"/> on a copy of the AOR's bindings (expired ones included) under the lock, and
    /// stores the copy only if the update says to commit: all-or-nothing, as §10.3 step 7 requires.
    /// </summary>
    internal TResult Update<TResult>(string addressOfRecord, Func<List<ContactBinding>, DateTimeOffset, (bool Commit, TResult Result)> update)
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            var working = _bindingsByAor.TryGetValue(addressOfRecord, out var current) ? new List<ContactBinding>(current) : [];
            var (commit, result) = update(working, now);
            if (commit)
            {
                if (working.Count == 0) _bindingsByAor.Remove(addressOfRecord);
                else _bindingsByAor[addressOfRecord] = working;
                if (_observer is not null) ReportDifference(current ?? [], working, now);
            }
            return result;
        }
    }

    /// <summary>
    /// Puts back bindings kept from an earlier run (the host reads them from its database at start-up, before the
    /// stack listens). Expired ones are skipped; one with the key of a binding already held replaces it. Not reported
    /// to the observer: they are already stored. Returns how many were restored.
    /// </summary>
    public int Restore(IEnumerable<ContactBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        var now = _timeProvider.GetUtcNow();
        var restored = 0;
        lock (_lock)
        {
            foreach (var binding in bindings)
            {
                if (!binding.IsLiveAt(now)) continue;
                if (!_bindingsByAor.TryGetValue(binding.AddressOfRecord, out var list))
                {
                    _bindingsByAor[binding.AddressOfRecord] = list = [];
                }
                var index = list.FindIndex(b => b.Key == binding.Key);
                if (index >= 0) list[index] = binding;
                else list.Add(binding);
                restored++;
            }
        }
        return restored;
    }

    /// <summary>What a commit changed, by binding key: new, replaced (a refresh is a new record), or gone.</summary>
    private void ReportDifference(List<ContactBinding> before, List<ContactBinding> after, DateTimeOffset now)
    {
        List<BindingChange>? changes = null;
        foreach (var binding in after)
        {
            var previous = before.Find(b => b.Key == binding.Key);
            if (ReferenceEquals(previous, binding)) continue;
            (changes ??= []).Add(new BindingChange(previous is null ? BindingChangeKind.Added : BindingChangeKind.Refreshed, binding));
        }
        foreach (var binding in before)
        {
            if (after.Exists(b => b.Key == binding.Key)) continue;
            (changes ??= []).Add(new BindingChange(binding.IsLiveAt(now) ? BindingChangeKind.Removed : BindingChangeKind.Expired, binding));
        }
        if (changes is not null) _observer!.OnBindingsChanged(changes);
    }
}
