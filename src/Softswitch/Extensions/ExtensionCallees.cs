using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Softswitch.Calls.Routing;
using Softswitch.Configuration.Options;

namespace Softswitch.Extensions;

/// <summary>
/// The extensions and ring groups as call control sees them (ring time, forwards, do-not-disturb, members): an immutable snapshot replaced when
/// a validated configuration is applied, so a changed forward applies to the next call.
/// </summary>
public sealed class ExtensionCallees : ICalleeDirectory, IDisposable
{
    private readonly IDisposable? _subscription;
    private volatile Snapshot _snapshot;

    public ExtensionCallees(IOptionsMonitor<SoftswitchOptions> options)
    {
        _snapshot = SnapshotOf(options.CurrentValue);
        _subscription = options.OnChange((current, _) => _snapshot = SnapshotOf(current));
    }

    public CalleeProfile? Find(string number) => _snapshot.Extensions.GetValueOrDefault(number);

    public RingGroupProfile? FindGroup(string number) => _snapshot.Groups.GetValueOrDefault(number);

    public IReadOnlySet<string> PickupGroupOf(string number) =>
        _snapshot.PickupGroups.TryGetValue(number, out var group) ? group : FrozenSet<string>.Empty;

    private sealed record Snapshot(FrozenDictionary<string, CalleeProfile> Extensions, FrozenDictionary<string, RingGroupProfile> Groups,
        FrozenDictionary<string, FrozenSet<string>> PickupGroups);

    private static Snapshot SnapshotOf(SoftswitchOptions options) => new(From(options), GroupsFrom(options), PickupGroupsFrom(options));

    /// <summary>Each extension's pickup group (unset: the one default group), as a set per extension.</summary>
    private static FrozenDictionary<string, FrozenSet<string>> PickupGroupsFrom(SoftswitchOptions options)
    {
        var extensions = options.Extensions.DistinctBy(extension => extension.Number).ToList();
        var groups = extensions.GroupBy(extension => extension.PickupGroup ?? "", StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(extension => extension.Number).ToFrozenSet(StringComparer.Ordinal));
        return extensions.ToFrozenDictionary(extension => extension.Number, extension => groups[extension.PickupGroup ?? ""], StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, RingGroupProfile> GroupsFrom(SoftswitchOptions options) => options.RingGroups
        .DistinctBy(group => group.Number)
        .ToFrozenDictionary(group => group.Number, group => new RingGroupProfile(group.Number, group.Name, group.Strategy != "in_order", [.. group.Members])
        {
            RingTime = TimeSpan.FromSeconds(Math.Clamp(group.RingSeconds, 1, 600)),
            MemberRingTime = TimeSpan.FromSeconds(Math.Clamp(group.MemberRingSeconds, 1, 600)),
            Fallback = Empty(group.Fallback),
        }, StringComparer.Ordinal);

    public void Dispose() => _subscription?.Dispose();

    private static FrozenDictionary<string, CalleeProfile> From(SoftswitchOptions options) => options.Extensions
        .DistinctBy(extension => extension.Number)
        .ToFrozenDictionary(extension => extension.Number, extension => new CalleeProfile(extension.Number, extension.Name)
        {
            RingTime = TimeSpan.FromSeconds(Math.Clamp(extension.RingSeconds, 1, 600)),
            ForwardAlways = Empty(extension.ForwardAlways),
            ForwardBusy = Empty(extension.ForwardBusy),
            ForwardNoAnswer = Empty(extension.ForwardNoAnswer),
            DoNotDisturb = extension.DoNotDisturb,
            Permission = PermissionOf(extension.Permission),
            OutsideCallerId = Empty(extension.CallerId),
        }, StringComparer.Ordinal);

    internal static PermissionClass PermissionOf(string? name) => name switch
    {
        "internal" => PermissionClass.Internal,
        "international" => PermissionClass.International,
        _ => PermissionClass.National,
    };

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
