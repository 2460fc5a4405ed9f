namespace Softswitch.Sip.Registrar;

/// <summary>
/// The registrar logic of RFC 3261 §10.3 steps 6-8 for a REGISTER that is already authenticated and whose AOR
/// the caller has checked (steps 1-5): validates <c>Contact: *</c> and expiry intervals, applies additions,
/// refreshes and removals atomically with the Call-ID/CSeq ordering rule, and says what to answer.
/// No I/O: the host turns the <see cref="RegisterOutcome"/> into a response. Thread-safe.
/// </summary>
public sealed class SipRegistrar
{
    private readonly BindingStore _store;
    private readonly RegistrarOptions _options;
    private readonly IRegistrationObserver? _observer;

    public SipRegistrar(BindingStore store, RegistrarOptions? options = null, IRegistrationObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new RegistrarOptions();
        if (_options.MinExpires < 1 || _options.MaxExpires < _options.MinExpires || _options.DefaultExpires < 1 || _options.MaxContactsPerAor < 1)
        {
            throw new ArgumentException("Expiry limits and the contact cap must be positive, with MinExpires <= MaxExpires.", nameof(options));
        }
        _observer = observer;
    }

    /// <summary>The bindings this registrar manages.</summary>
    public BindingStore Store => _store;

    /// <summary>Applies a REGISTER (RFC 3261 §10.3 steps 6-8) and reports every change to the observer.</summary>
    public RegisterOutcome Apply(RegisterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.AddressOfRecord);
        ArgumentNullException.ThrowIfNull(request.Contacts);

        var outcome = Validate(request, out var intervals) ?? _store.Update(request.AddressOfRecord, (bindings, now) =>
        {
            var changes = new List<BindingChange>();
            var refusal = request.IsStar
                ? RemoveAll(request, bindings, now, changes)
                : ApplyContacts(request, intervals, bindings, now, changes);
            if (refusal is not null)
            {
                return (false, refusal);
            }
            var current = bindings.Select(b => new CurrentBinding(b, b.RemainingSeconds(now))).ToArray();
            return (true, new RegisterOutcome(200, "OK", current, changes));
        });

        Notify(request, outcome);
        return outcome;
    }

    /// <summary>Deletes expired bindings, reports each as <see cref="RegistrationEventKind.Expired"/>, and returns them.</summary>
    public IReadOnlyList<ContactBinding> RemoveExpired()
    {
        var expired = _store.RemoveExpired();
        foreach (var binding in expired)
        {
            Report(binding.AddressOfRecord, binding.ContactUri, binding.Source, binding.UserAgent, binding.ExpiresAt, RegistrationEventKind.Expired, null, binding.CallId);
        }
        return expired;
    }

    /// <summary>Step 6 and the interval rules of step 7, checked before anything changes. Null when the request is acceptable.</summary>
    private RegisterOutcome? Validate(RegisterRequest request, out int[] intervals)
    {
        intervals = [];
        if (request.IsStar)
        {
            // §10.3 step 6: "*" only with Expires: 0 and no other Contact, else 400.
            return request.Contacts.Count > 0 || request.Expires != 0
                ? RegisterOutcome.Refused(400, "Bad Request", "Contact: * needs Expires: 0 and no other Contact")
                : null;
        }
        if (request.Expires < 0)
        {
            return RegisterOutcome.Refused(400, "Bad Request", "negative Expires");
        }

        intervals = new int[request.Contacts.Count];
        for (var i = 0; i < intervals.Length; i++)
        {
            var requested = request.Contacts[i].Expires ?? request.Expires ?? _options.DefaultExpires;
            if (requested < 0)
            {
                return RegisterOutcome.Refused(400, "Bad Request", "negative expires parameter");
            }
            // §10.3 step 7: a non-zero interval below our minimum (and under an hour) gets 423 with Min-Expires.
            if (requested > 0 && requested < _options.MinExpires && requested < 3600)
            {
                return RegisterOutcome.Refused(423, "Interval Too Brief", $"expires {requested} below {_options.MinExpires}", _options.MinExpires);
            }
            intervals[i] = Math.Min(requested, _options.MaxExpires);
        }
        return null;
    }

    /// <summary>§10.3 step 6 for "*": every binding goes, unless one has this Call-ID with a CSeq not lower than the request's.</summary>
    private static RegisterOutcome? RemoveAll(RegisterRequest request, List<ContactBinding> bindings, DateTimeOffset now, List<BindingChange> changes)
    {
        foreach (var binding in bindings)
        {
            if (binding.IsLiveAt(now) && IsOutOfOrder(request, binding))
            {
                return OutOfOrder(request, binding);
            }
        }
        foreach (var binding in bindings)
        {
            changes.Add(new BindingChange(binding.IsLiveAt(now) ? BindingChangeKind.Removed : BindingChangeKind.Expired, binding));
        }
        bindings.Clear();
        return null;
    }

    /// <summary>§10.3 step 7: add, refresh or remove each contact, then enforce the per-AOR cap.</summary>
    private RegisterOutcome? ApplyContacts(
        RegisterRequest request, int[] intervals, List<ContactBinding> bindings, DateTimeOffset now, List<BindingChange> changes)
    {
        RemoveExpired(bindings, now, changes);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Contacts.Count; i++)
        {
            var contact = request.Contacts[i];
            var key = ContactBindingKey.For(contact.Uri, contact.InstanceId, contact.RegId);
            var index = bindings.FindIndex(b => b.Key == key);
            var existing = index >= 0 ? bindings[index] : null;

            // A key repeated within one request is not a reordering: only earlier requests count.
            if (existing is not null && !touched.Contains(key) && IsOutOfOrder(request, existing))
            {
                return OutOfOrder(request, existing);
            }
            touched.Add(key);

            if (intervals[i] == 0)
            {
                if (existing is not null)
                {
                    bindings.RemoveAt(index);
                    changes.Add(new BindingChange(BindingChangeKind.Removed, existing));
                }
                continue;
            }

            var updated = new ContactBinding(
                request.AddressOfRecord, contact.Uri, key, now.AddSeconds(intervals[i]), request.CallId, request.CSeq,
                request.Source, request.UserAgent, contact.InstanceId, contact.RegId,
                RegisteredAt: existing?.RegisteredAt ?? now, RefreshedAt: now);
            if (existing is null)
            {
                bindings.Add(updated);
                changes.Add(new BindingChange(BindingChangeKind.Added, updated));
            }
            else
            {
                bindings[index] = updated;
                changes.Add(new BindingChange(BindingChangeKind.Refreshed, updated));
            }
        }
        EvictBeyondCap(bindings, touched, changes);
        return null;
    }

    private static void RemoveExpired(List<ContactBinding> bindings, DateTimeOffset now, List<BindingChange> changes)
    {
        for (var i = 0; i < bindings.Count; i++)
        {
            if (!bindings[i].IsLiveAt(now))
            {
                changes.Add(new BindingChange(BindingChangeKind.Expired, bindings[i]));
                bindings.RemoveAt(i--);
            }
        }
    }

    /// <summary>Drops the least recently refreshed bindings, sparing those this request touched while others remain.</summary>
    private void EvictBeyondCap(List<ContactBinding> bindings, HashSet<string> touched, List<BindingChange> changes)
    {
        while (bindings.Count > _options.MaxContactsPerAor)
        {
            var victim = bindings
                .Select((binding, index) => (binding, index))
                .OrderBy(c => touched.Contains(c.binding.Key))
                .ThenBy(c => c.binding.RefreshedAt)
                .ThenBy(c => c.index)
                .First();
            bindings.RemoveAt(victim.index);
            changes.Add(new BindingChange(BindingChangeKind.Evicted, victim.binding));
        }
    }

    /// <summary>§10.3 steps 6-7: same Call-ID and a CSeq not higher than the stored one means an old or repeated request.</summary>
    private static bool IsOutOfOrder(RegisterRequest request, ContactBinding binding) =>
        string.Equals(binding.CallId, request.CallId, StringComparison.Ordinal) && request.CSeq <= binding.CSeq;

    /// <summary>The RFC says the update "MUST be aborted and the request fails"; step 7 names 500 for a failed update.</summary>
    private static RegisterOutcome OutOfOrder(RegisterRequest request, ContactBinding binding) =>
        RegisterOutcome.Refused(500, "Server Internal Error",
            $"CSeq {request.CSeq} not above {binding.CSeq} for Call-ID {request.CallId}");

    private void Notify(RegisterRequest request, RegisterOutcome outcome)
    {
        if (_observer is null)
        {
            return;
        }
        var now = _store.TimeProvider.GetUtcNow();
        if (!outcome.IsSuccess)
        {
            var contact = request.IsStar ? "*" : request.Contacts.Count > 0 ? request.Contacts[0].Uri : null;
            Report(request.AddressOfRecord, contact, request.Source, request.UserAgent, now, RegistrationEventKind.Rejected,
                $"{outcome.StatusCode} {outcome.Detail}", request.CallId);
            return;
        }
        foreach (var change in outcome.Changes)
        {
            var binding = change.Binding;
            var (kind, source, userAgent, time) = change.Kind switch
            {
                BindingChangeKind.Added => (RegistrationEventKind.Registered, request.Source, request.UserAgent, now),
                BindingChangeKind.Refreshed => (RegistrationEventKind.Refreshed, request.Source, request.UserAgent, now),
                BindingChangeKind.Removed => (RegistrationEventKind.Unregistered, request.Source, request.UserAgent, now),
                BindingChangeKind.Evicted => (RegistrationEventKind.Evicted, binding.Source, binding.UserAgent, now),
                _ => (RegistrationEventKind.Expired, binding.Source, binding.UserAgent, binding.ExpiresAt),
            };
            var callId = kind is RegistrationEventKind.Expired or RegistrationEventKind.Evicted ? binding.CallId : request.CallId;
            Report(binding.AddressOfRecord, binding.ContactUri, source, userAgent, time, kind, null, callId);
        }
    }

    private void Report(
        string extension, string? contact, Transport.SipEndPoint? source, string? userAgent, DateTimeOffset time,
        RegistrationEventKind kind, string? detail, string? callId) =>
        _observer?.OnRegistrationEvent(new RegistrationEvent(extension, contact, source, userAgent, time, kind, detail, callId));
}
