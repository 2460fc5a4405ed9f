using Softswitch.Calls.Routing;
using Softswitch.Sip.Registrar;

namespace Softswitch.Calls.Bridging;

/// <summary>Builds what a call to an extension rings: its devices, then its forwards (bounded, so forwards cannot loop).</summary>
public sealed class DialTargets(ICalleeDirectory directory, Func<string, IReadOnlyList<ContactBinding>> bindings, TimeProvider time,
    ExtensionOverrides? overrides = null)
{
    /// <summary>The configuration with the phones' feature-code changes over it.</summary>
    private readonly ICalleeDirectory extensions = overrides is null ? directory : new OverriddenDirectory(directory, overrides);

    /// <summary>The feature-code changes applied over the configuration (for the feature codes themselves).</summary>
    public ExtensionOverrides? Overrides => overrides;

    private const int MaxForwards = 4;

    /// <summary>The extension as call control sees it now (feature-code changes applied), or null.</summary>
    public CalleeProfile? Profile(string number) => extensions.Find(number);

    /// <summary>True when <paramref name="number"/> is an extension.</summary>
    public bool IsExtension(string number) => extensions.Find(number) is not null;

    /// <summary>The extensions whose ringing calls <paramref name="number"/> may pick up.</summary>
    public IReadOnlySet<string> PickupGroupOf(string number) => extensions.PickupGroupOf(number);

    /// <summary>True when <paramref name="number"/> is a ring group.</summary>
    public bool IsRingGroup(string number) => extensions.FindGroup(number) is not null;

    /// <summary>
    /// A ring group: ring-all rings every member's phones as one step; in-order rings one member after another, each
    /// for the member ring time (a member with no phone is skipped at once). Members' own forwards do not apply; the
    /// group's fallback takes the call when nobody answered or everybody was busy.
    /// </summary>
    public DialTarget? ForRingGroup(string number)
    {
        if (extensions.FindGroup(number) is not { } group) return null;
        var fallback = group.Fallback is { } fallbackNumber ? ForExtension(fallbackNumber, MaxForwards) : null;
        if (group.RingAll)
        {
            return new DialTarget(number, [.. group.Members.SelectMany(member => Contacts(extensions.Find(member)))], group.RingTime)
            {
                OnNoAnswer = fallback, OnBusy = fallback,
            };
        }

        var next = fallback;
        for (var i = group.Members.Count - 1; i >= 0; i--)
        {
            var member = group.Members[i];
            next = new DialTarget(member, Contacts(extensions.Find(member)), group.MemberRingTime) { OnNoAnswer = next, OnBusy = next };
        }

        return next;
    }

    /// <summary>The live phones of an extension to ring, none when it is no extension or in do-not-disturb.</summary>
    private IReadOnlyList<DialContact> Contacts(CalleeProfile? profile)
    {
        if (profile is not { DoNotDisturb: false }) return [];
        var now = time.GetUtcNow();
        return [.. bindings(profile.Number).Where(binding => binding.IsLiveAt(now)).Select(binding => new DialContact(profile.Number, binding))];
    }

    /// <summary>The chain for <paramref name="number"/>, or null when it is not an extension.</summary>
    public DialTarget? ForExtension(string number) => ForExtension(number, depth: 0);

    private DialTarget? ForExtension(string number, int depth)
    {
        if (extensions.Find(number) is not { } profile) return null;
        var mayForward = depth < MaxForwards;
        if (mayForward && profile.ForwardAlways is { } always && ForExtension(always, depth + 1) is { } forwarded) return forwarded;
        var onBusy = mayForward && profile.ForwardBusy is { } busy ? ForExtension(busy, depth + 1) : null;
        var onNoAnswer = mayForward && profile.ForwardNoAnswer is { } noAnswer ? ForExtension(noAnswer, depth + 1) : null;
        return new DialTarget(number, Contacts(profile), profile.RingTime)
        {
            OnBusy = onBusy,
            OnNoAnswer = onNoAnswer,
            RefusedWith = profile.DoNotDisturb ? 486 : 480,
        };
    }

    private sealed class OverriddenDirectory(ICalleeDirectory configured, ExtensionOverrides overrides) : ICalleeDirectory
    {
        public CalleeProfile? Find(string number) => configured.Find(number) is { } profile ? overrides.Apply(profile) : null;

        public RingGroupProfile? FindGroup(string number) => configured.FindGroup(number);

        public IReadOnlySet<string> PickupGroupOf(string number) => configured.PickupGroupOf(number);
    }
}
