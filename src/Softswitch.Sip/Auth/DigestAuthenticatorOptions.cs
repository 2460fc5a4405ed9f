namespace Softswitch.Sip.Auth;

/// <summary>Settings of a <see cref="DigestAuthenticator"/>.</summary>
public sealed record DigestAuthenticatorOptions
{
    /// <summary>Algorithms offered, in preference order (one challenge each) and the only ones accepted.</summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; init; } = DigestChallenge.DefaultAlgorithms;

    /// <summary>Accept responses without qop (RFC 2069 form, RFC 3261 §22.4 keeps it for compatibility). Such responses carry no nonce-count, so replay within the nonce lifetime is not detected.</summary>
    public bool AllowMissingQop { get; init; } = true;

    /// <summary>The opaque value sent in challenges; null draws a random one per authenticator.</summary>
    public string? Opaque { get; init; }
}
