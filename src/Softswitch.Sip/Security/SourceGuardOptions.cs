using System.Net;

namespace Softswitch.Sip.Security;

/// <summary>Settings of a <see cref="SourceGuard"/>: when a source address is banned, and how fast it may send.</summary>
public sealed record SourceGuardOptions
{
    /// <summary>Failed authentications (403s) from one address within <see cref="FailedAuthWindow"/> that ban it.</summary>
    public int FailedAuthLimit { get; init; } = 10;

    /// <summary>The sliding window in which <see cref="FailedAuthLimit"/> failures ban an address.</summary>
    public TimeSpan FailedAuthWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a banned address is ignored (no response at all).</summary>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>Networks that are never banned nor rate limited (the office LAN, a trunk provider).</summary>
    public IReadOnlyList<IPNetwork> Allow { get; init; } = [];

    /// <summary>Messages per second one address may send (a one-second burst allowed); 0 turns rate limiting off.</summary>
    public int MaxRequestsPerSecondPerAddress { get; init; } = 200;

    /// <summary>Upper bound on addresses whose rate or failures are tracked; idle ones are forgotten first.</summary>
    public int MaxTrackedAddresses { get; init; } = 10_000;
}
