using Softswitch.Calls.Routing;
using Softswitch.Sip.Registrar;

namespace Softswitch.Calls.Bridging;

/// <summary>Builds what a call to an extension rings: its devices, then its forwards (bounded, so forwards cannot loop).</summary>
public sealed class DialTargets(ICalleeDirectory extensions, Func<string, IReadOnlyList<ContactBinding>> bindings, TimeProvider time)
{
    private const int MaxForwards = 4;

    /// <summary>True when <paramref name="number"/> is an extension.</summary>
    public bool IsExtension(string number) => extensions.Find(number) is not null;

    /// <summary>The chain for <paramref name="number"/>, or null when it is not an extension.</summary>
    public DialTarget? ForExtension(string number) => ForExtension(number, depth: 0);

    private DialTarget? ForExtension(string number, int depth)
    {
        if (extensions.Find(number) is not { } profile) return null;
        if (profile.ForwardAlways is { } always && depth < MaxForwards && ForExtension(always, depth + 1) is { } forwarded) return forwarded;
        var next = depth < MaxForwards ? depth + 1 : int.MaxValue;
        var onBusy = profile.ForwardBusy is { } busy && next <= MaxForwards ? ForExtension(busy, next) : null;
        var onNoAnswer = profile.ForwardNoAnswer is { } noAnswer && next <= MaxForwards ? ForExtension(noAnswer, next) : null;
        var now = time.GetUtcNow();
        IReadOnlyList<DialContact> contacts = profile.DoNotDisturb
            ? []
            : [.. bindings(number).Where(binding => binding.IsLiveAt(now)).Select(binding => new DialContact(number, binding))];
        return new DialTarget(number, contacts, profile.RingTime)
        {
            OnBusy = onBusy,
            OnNoAnswer = onNoAnswer,
            RefusedWith = profile.DoNotDisturb ? 486 : 480,
        };
    }
}
