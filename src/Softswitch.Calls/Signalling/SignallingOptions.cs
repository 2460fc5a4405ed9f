using System.Net;

namespace Softswitch.Calls.Signalling;

/// <summary>The identity the switch answers to: its SIP domain, digest realm and the addresses it listens on.</summary>
public sealed record SignallingOptions
{
    public string Domain { get; init; } = "softswitch.local";

    /// <summary>Digest realm; the domain when empty.</summary>
    public string Realm { get; init; } = "";

    /// <summary>The addresses the switch is bound to; <see cref="IPAddress.Any"/> means every local address.</summary>
    public IReadOnlyList<IPAddress> ListenAddresses { get; init; } = [IPAddress.Any];

    public int Port { get; init; } = 5060;

    /// <summary>An address phones reach us on from outside (NAT), also ours.</summary>
    public string? PublicAddress { get; init; }

    public string EffectiveRealm => string.IsNullOrWhiteSpace(Realm) ? Domain : Realm;

    /// <summary>Workers that answer requests in parallel (each is one async loop, not a thread).</summary>
    public int Workers { get; init; } = Math.Max(2, Environment.ProcessorCount);
}
