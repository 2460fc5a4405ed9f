namespace Softswitch.Sip.Auth;

/// <summary>Settings of a <see cref="NonceManager"/>.</summary>
public sealed record NonceManagerOptions
{
    /// <summary>How long a nonce is accepted after it was issued. Short enough to limit replay, long enough for a phone to answer a challenge.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound on nonces whose nonce-count is remembered; the oldest is forgotten beyond it (and then counts as stale).</summary>
    public int MaxTrackedNonces { get; init; } = 100_000;

    /// <summary>HMAC key; null draws 32 random bytes, which is right for one process (nonces do not survive a restart).</summary>
    public byte[]? Key { get; init; }
}
