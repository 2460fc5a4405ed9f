using System.Collections.Concurrent;

namespace Softswitch.Calls.Routing;

/// <summary>
/// The feature-code changes of every extension, over the configuration. Thread-safe; each change is told to
/// <see cref="Changed"/> (the host stores it, so a restart keeps it).
/// </summary>
public sealed class ExtensionOverrides(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ExtensionOverride> _byNumber = new(StringComparer.Ordinal);

    /// <summary>Told of every change, on the thread that made it; must not block.</summary>
    public Action<ExtensionOverride>? Changed { get; set; }

    public IReadOnlyCollection<ExtensionOverride> All => [.. _byNumber.Values];

    /// <summary>Puts back stored changes at start-up (not told to <see cref="Changed"/>).</summary>
    public void Restore(IEnumerable<ExtensionOverride> stored)
    {
        foreach (var change in stored) _byNumber[change.Number] = change;
    }

    public void SetDoNotDisturb(string number, bool on) =>
        Change(number, current => current with { DoNotDisturb = on });

    /// <summary>Forwards every call to <paramref name="target"/>; null turns forwarding off.</summary>
    public void SetForwardAlways(string number, string? target) =>
        Change(number, current => current with { ForwardAlways = target ?? "" });

    /// <summary><paramref name="profile"/> with its extension's changes, if any.</summary>
    public CalleeProfile Apply(CalleeProfile profile) =>
        _byNumber.TryGetValue(profile.Number, out var change) ? change.Apply(profile) : profile;

    private void Change(string number, Func<ExtensionOverride, ExtensionOverride> change)
    {
        var now = time.GetUtcNow();
        var updated = _byNumber.AddOrUpdate(number,
            key => change(new ExtensionOverride(key, null, null, now)),
            (_, current) => change(current) with { ChangedAt = now });
        Changed?.Invoke(updated);
    }
}
