using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>The <c>auth</c> section (digest authentication, RFC 8760 / RFC 2617).</summary>
public sealed class AuthOptions
{
    /// <summary>Realm in challenges; phones combine it with the password.</summary>
    public string Realm { get; set; } = "softswitch.local";

    /// <summary>How long a nonce stays valid.</summary>
    [ConfigurationKeyName("nonce_lifetime_seconds")]
    public int NonceLifetimeSeconds { get; set; } = 300;

    /// <summary>
    /// Accept digest responses without qop (old RFC 2069 phones). Off: without a nonce-count such a response can be
    /// replayed; when on, each nonce answered without qop is good for one request only.
    /// </summary>
    [ConfigurationKeyName("allow_missing_qop")]
    public bool AllowMissingQop { get; set; }

    /// <summary>
    /// MD5 only by default: sipp 3.6 and sipsak 0.9.8 answer only the first challenge and know only MD5, and
    /// baresip 1.0 (Debian bookworm) gives up on a REGISTER as soon as any challenge names SHA-256.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultAlgorithms = ["md5"];

    public static readonly IReadOnlyList<string> SupportedAlgorithms = ["sha-256", "md5"];

    /// <summary>
    /// Digest algorithms offered, in this order (RFC 8760). Put sha-256 first once every phone supports it.
    /// </summary>
    public List<string> Algorithms { get; set; } = [];

    public IReadOnlyList<string> EffectiveAlgorithms => Algorithms.Count == 0 ? DefaultAlgorithms : Algorithms;
}
