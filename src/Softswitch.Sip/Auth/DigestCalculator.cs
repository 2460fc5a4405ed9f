namespace Softswitch.Sip.Auth;

/// <summary>
/// The digest arithmetic of RFC 7616 §3.4 (RFC 2617 §3.2.2, RFC 3261 §22.4):
/// <c>HA1 = H(username:realm:password)</c> (for <c>-sess</c>: <c>H(H(username:realm:password):nonce:cnonce)</c>),
/// <c>HA2 = H(method:uri)</c>, and
/// <c>response = H(HA1:nonce:nc:cnonce:qop:HA2)</c> with qop, or <c>H(HA1:nonce:HA2)</c> without
/// (RFC 2069 compatibility, still sent by many SIP phones).
/// All values are lower-case hex.
/// </summary>
public static class DigestCalculator
{
    /// <summary>HA1 before any <c>-sess</c> step: <c>H(username:realm:password)</c>. This is what a store may keep instead of a password.</summary>
    public static string ComputeHa1(DigestAlgorithm algorithm, string username, string realm, string password)
    {
        Span<char> hex = stackalloc char[DigestHasher.MaxHexLength];
        var length = ComputeHa1(algorithm, username, realm, password, hex);
        return new string(hex[..length]);
    }

    /// <summary>HA2 for qop=auth or no qop: <c>H(method:uri)</c>.</summary>
    public static string ComputeHa2(DigestAlgorithm algorithm, string method, string uri)
    {
        Span<char> hex = stackalloc char[DigestHasher.MaxHexLength];
        var length = DigestHasher.HashJoined(algorithm, hex, method, uri);
        return new string(hex[..length]);
    }

    /// <summary>
    /// The request-digest from the plain HA1 (<see cref="ComputeHa1(DigestAlgorithm, string, string, string)"/>);
    /// the <c>-sess</c> step is applied here. <paramref name="qop"/> null means RFC 2069 form (nc and cnonce unused).
    /// </summary>
    public static string ComputeResponse(
        DigestAlgorithm algorithm, string ha1, string method, string uri, string nonce,
        string? qop, string? nonceCount, string? cnonce)
    {
        Span<char> hex = stackalloc char[DigestHasher.MaxHexLength];
        var length = ComputeResponse(algorithm, ha1, method, uri, nonce, qop, nonceCount, cnonce, hex);
        return new string(hex[..length]);
    }

    /// <summary>The request-digest straight from a password.</summary>
    public static string ComputeResponse(
        DigestAlgorithm algorithm, string username, string realm, string password,
        string method, string uri, string nonce, string? qop, string? nonceCount, string? cnonce)
    {
        Span<char> ha1 = stackalloc char[DigestHasher.MaxHexLength];
        var ha1Length = ComputeHa1(algorithm, username, realm, password, ha1);
        Span<char> hex = stackalloc char[DigestHasher.MaxHexLength];
        var length = ComputeResponse(algorithm, ha1[..ha1Length], method, uri, nonce, qop, nonceCount, cnonce, hex);
        return new string(hex[..length]);
    }

    internal static int ComputeHa1(
        DigestAlgorithm algorithm, ReadOnlySpan<char> username, ReadOnlySpan<char> realm, ReadOnlySpan<char> password, Span<char> hex) =>
        DigestHasher.HashJoined(algorithm, hex, username, realm, password);

    /// <summary>Span form used on the verification path: no strings are built.</summary>
    internal static int ComputeResponse(
        DigestAlgorithm algorithm, scoped ReadOnlySpan<char> ha1, ReadOnlySpan<char> method, ReadOnlySpan<char> uri,
        ReadOnlySpan<char> nonce, ReadOnlySpan<char> qop, ReadOnlySpan<char> nonceCount, ReadOnlySpan<char> cnonce,
        Span<char> hex)
    {
        Span<char> sessionHa1 = stackalloc char[DigestHasher.MaxHexLength];
        if (algorithm.IsSession())
        {
            var sessionLength = DigestHasher.HashJoined(algorithm, sessionHa1, ha1, nonce, cnonce);
            ha1 = sessionHa1[..sessionLength];
        }

        Span<char> ha2 = stackalloc char[DigestHasher.MaxHexLength];
        var ha2Length = DigestHasher.HashJoined(algorithm, ha2, method, uri);

        return qop.IsEmpty
            ? DigestHasher.HashJoined(algorithm, hex, ha1, nonce, ha2[..ha2Length])
            : DigestHasher.HashJoined(algorithm, hex, 6, ha1, nonce, nonceCount, cnonce, qop, ha2[..ha2Length]);
    }
}
