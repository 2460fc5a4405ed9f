namespace Softswitch.Sip.Auth;

/// <summary>Settings of a <see cref="DigestAuthenticator"/>.</summary>
public sealed record DigestAuthenticatorOptions
{
    /// <summary>Algorithms offered, in preference order (one challenge each) and the only ones accepted.</summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; init; } = DigestChallenge.DefaultAlgorithms;

    /// <summary>
    /// Accept responses without qop (RFC 2069 form, RFC 3261 §22.4 keeps it for compatibility). Off by default: such
    /// a response carries no nonce-count, so only spending its nonce on first use stops a captured request being
    /// replayed; when on, each nonce answered without qop is good for one request (then stale: a fresh challenge).
    /// </summary>
    public bool AllowMissingQop { get; init; }

    /// <summary>The opaque value sent in challenges; null draws a random one per authenticator.</summary>
    public string? Opaque { get; init; }
}
