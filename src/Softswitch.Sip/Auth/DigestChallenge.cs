using System.Text;

namespace Softswitch.Sip.Auth;

/// <summary>
/// One digest challenge, written as the value of a <c>WWW-Authenticate</c> (registrar, UAS) or
/// <c>Proxy-Authenticate</c> (proxy) header (RFC 3261 §22.1, §20.44; RFC 7616 §3.3).
/// A server offering several algorithms sends one header per algorithm, most preferred first
/// (RFC 8760 §2.4, RFC 7616 §3.7): see <see cref="CreateHeaderValues"/>.
/// </summary>
/// <param name="Realm">The protection space, usually the SIP domain.</param>
/// <param name="Nonce">A server nonce, e.g. from <see cref="NonceManager.CreateNonce"/>.</param>
/// <param name="Algorithm">The algorithm this challenge asks for.</param>
/// <param name="Opaque">Echoed back unchanged by the client; null to omit.</param>
/// <param name="Stale">True when the previous request failed only because its nonce was stale, so the client retries without asking the user.</param>
/// <param name="Qop">The offered quality of protection, <c>auth</c> by default; null omits it (RFC 2069 style).</param>
public sealed record DigestChallenge(
    string Realm,
    string Nonce,
    DigestAlgorithm Algorithm,
    string? Opaque = null,
    bool Stale = false,
    string? Qop = "auth")
{
    /// <summary>What the switch offers by default: SHA-256 first, MD5 second for the many phones that know only MD5.</summary>
    public static IReadOnlyList<DigestAlgorithm> DefaultAlgorithms { get; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>
    /// The header values <c>Digest realm="…", nonce="…", opaque="…", algorithm=SHA-256, qop="auth"[, stale=true]</c>,
    /// one per algorithm in preference order, all sharing realm, nonce and opaque.
    /// </summary>
    public static IReadOnlyList<string> CreateHeaderValues(
        string realm, string nonce, string? opaque, bool stale, IReadOnlyList<DigestAlgorithm> algorithms)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        var values = new string[algorithms.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new DigestChallenge(realm, nonce, algorithms[i], opaque, stale).ToHeaderValue();
        }
        return values;
    }

    /// <summary>The header value, without the header name.</summary>
    public string ToHeaderValue()
    {
        var builder = new StringBuilder(160);
        builder.Append("Digest realm=");
        AppendQuoted(builder, Realm);
        builder.Append(", nonce=");
        AppendQuoted(builder, Nonce);
        if (Opaque is not null)
        {
            builder.Append(", opaque=");
            AppendQuoted(builder, Opaque);
        }
        // algorithm is a token, never quoted (RFC 7616 §3.3); some phones reject algorithm="MD5".
        builder.Append(", algorithm=").Append(Algorithm.ToToken());
        if (Qop is not null)
        {
            builder.Append(", qop=");
            AppendQuoted(builder, Qop);
        }
        if (Stale)
        {
            builder.Append(", stale=true");
        }
        return builder.ToString();
    }

    public override string ToString() => ToHeaderValue();

    /// <summary>quoted-string with quoted-pair for '"' and '\' (RFC 3261 §25.1).</summary>
    private static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\') builder.Append('\\');
            builder.Append(c);
        }
        builder.Append('"');
    }
}
