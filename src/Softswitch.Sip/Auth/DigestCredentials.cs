using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Softswitch.Sip.Auth;

/// <summary>
/// The parameters of an <c>Authorization</c> or <c>Proxy-Authorization</c> header value
/// (<c>Digest username="…", realm="…", nonce="…", uri="…", response="…", …</c>; RFC 3261 §22.2, RFC 7616 §3.4).
/// Values are unquoted and unescaped; <see cref="NonceCount"/> keeps its exact text because it is hashed as sent.
/// </summary>
public sealed record DigestCredentials(
    string Username,
    string Realm,
    string Nonce,
    string Uri,
    string Response,
    string? AlgorithmName = null,
    string? Cnonce = null,
    string? Opaque = null,
    string? Qop = null,
    string? NonceCount = null)
{
    /// <summary>
    /// The algorithm: MD5 when the parameter is absent (RFC 7616 §3.3), null when it names one we do not know.
    /// </summary>
    public DigestAlgorithm? Algorithm =>
        AlgorithmName is null ? DigestAlgorithm.Md5
        : DigestAlgorithmNames.TryParse(AlgorithmName, out var algorithm) ? algorithm
        : null;

    /// <summary>The <c>nc</c> value as a number when it is 1 to 8 hex digits (RFC 7616 §3.4: 8LHEX), else null.</summary>
    public uint? NonceCountValue =>
        NonceCount is { Length: >= 1 and <= 8 }
        && uint.TryParse(NonceCount, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>
    /// Parses a header value. Parameters may come in any order, quoted or not, with quoted-pairs, extra
    /// whitespace (including folded lines) and unknown parameters. Returns false, never throws, when the
    /// scheme is not Digest, the syntax is broken, a parameter repeats, or username, realm, nonce, uri or
    /// response is missing. <c>username*</c> and <c>userhash</c> (RFC 7616 §3.4.4-5) are not supported: ignored.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> headerValue, [NotNullWhen(true)] out DigestCredentials? credentials)
    {
        credentials = null;
        var reader = new AuthParamReader(headerValue);
        reader.SkipWhitespace();
        if (!reader.TryReadToken(out var scheme) || !scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (!reader.AtEnd && !reader.SkipWhitespace())
        {
            return false; // "DigestX" or "Digest," is not the Digest scheme
        }

        string? username = null, realm = null, nonce = null, uri = null, response = null;
        string? algorithm = null, cnonce = null, opaque = null, qop = null, nc = null;
        while (reader.TryReadParameter(out var name, out var value))
        {
            ref var slot = ref SlotFor(name, ref username, ref realm, ref nonce, ref uri, ref response,
                ref algorithm, ref cnonce, ref opaque, ref qop, ref nc, out var known);
            if (!known)
            {
                continue;
            }
            if (slot is not null)
            {
                return false; // RFC 7235 §2.1: each parameter name only once
            }
            slot = value;
        }
        if (reader.Failed || username is null || realm is null || nonce is null || uri is null || response is null)
        {
            return false;
        }

        credentials = new DigestCredentials(username, realm, nonce, uri, response, algorithm, cnonce, opaque, qop, nc);
        return true;
    }

    private static ref string? SlotFor(
        ReadOnlySpan<char> name,
        ref string? username, ref string? realm, ref string? nonce, ref string? uri, ref string? response,
        ref string? algorithm, ref string? cnonce, ref string? opaque, ref string? qop, ref string? nc,
        out bool known)
    {
        known = true;
        if (name.Equals("username", StringComparison.OrdinalIgnoreCase)) return ref username;
        if (name.Equals("realm", StringComparison.OrdinalIgnoreCase)) return ref realm;
        if (name.Equals("nonce", StringComparison.OrdinalIgnoreCase)) return ref nonce;
        if (name.Equals("uri", StringComparison.OrdinalIgnoreCase)) return ref uri;
        if (name.Equals("response", StringComparison.OrdinalIgnoreCase)) return ref response;
        if (name.Equals("algorithm", StringComparison.OrdinalIgnoreCase)) return ref algorithm;
        if (name.Equals("cnonce", StringComparison.OrdinalIgnoreCase)) return ref cnonce;
        if (name.Equals("opaque", StringComparison.OrdinalIgnoreCase)) return ref opaque;
        if (name.Equals("qop", StringComparison.OrdinalIgnoreCase)) return ref qop;
        if (name.Equals("nc", StringComparison.OrdinalIgnoreCase)) return ref nc;
        known = false;
        return ref username; // not written when unknown
    }
}
