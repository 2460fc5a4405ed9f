using Softswitch.Sip.Registrar;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// Whom a bridged call rings at one step: every contact listed, at once (the first 2xx wins), for
/// <see cref="RingTime"/>; then, by how that ended, the next step (forward on no answer or busy) or the caller's final
/// answer. The router builds the chain from the configuration, bounded so forwards cannot loop.
/// </summary>
/// <param name="Name">What is rung, for logs and records (an extension number, a ring group's name).</param>
/// <param name="Contacts">The registered contacts to ring, each with the extension it belongs to.</param>
/// <param name="RingTime">How long to ring before giving up on this step.</param>
public sealed record DialTarget(string Name, IReadOnlyList<DialContact> Contacts, TimeSpan RingTime)
{
    /// <summary>Rung when this step rang out, or when nobody could be rung (no registered contact).</summary>
    public DialTarget? OnNoAnswer { get; init; }

    /// <summary>Rung when every contact of this step answered busy (486/600), or the step is in do-not-disturb.</summary>
    public DialTarget? OnBusy { get; init; }

    /// <summary>With no contact to ring: 480 (nothing registered) or 486 (do-not-disturb), which picks the next step.</summary>
    public int RefusedWith { get; init; } = 480;

    /// <summary>Out through carriers instead of contacts: these trunks in order, each at its located addresses in turn.</summary>
    public IReadOnlyList<Trunks.TrunkState> Trunks { get; init; } = [];

    /// <summary>With <see cref="Trunks"/>: the number the carrier is sent (already stripped and prefixed).</summary>
    public string Number { get; init; } = "";
}

/// <summary>One registered device of an extension.</summary>
public sealed record DialContact(string Extension, ContactBinding Binding);
