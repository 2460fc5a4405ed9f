using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Softswitch.Sip.Auth;

/// <summary>
/// Server side of SIP digest authentication (RFC 3261 §22, RFC 7616, RFC 8760): issues challenges and verifies
/// credentials. Works on plain values so it does not depend on a message model: the caller passes the request
/// method, the Request-URI as it appeared in the request line, and the parsed <see cref="DigestCredentials"/>.
/// Thread-safe.
/// </summary>
public sealed class DigestAuthenticator
{
    private readonly NonceManager _nonces;
    private readonly DigestAuthenticatorOptions _options;
    private readonly string _opaque;

    /// <summary>Stands in for the secret of an unknown user so that the work done, and the result, match a wrong password.</summary>
    private readonly DigestSecret _dummySecret = DigestSecret.FromPassword(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    public DigestAuthenticator(NonceManager nonces, DigestAuthenticatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(nonces);
        _nonces = nonces;
        _options = options ?? new DigestAuthenticatorOptions();
        if (_options.Algorithms.Count == 0) throw new ArgumentException("At least one algorithm must be offered.", nameof(options));
        _opaque = _options.Opaque ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    }

    /// <summary>
    /// Values for the <c>WWW-Authenticate</c> (or <c>Proxy-Authenticate</c>) headers of a 401 (407): one per offered
    /// algorithm, most preferred first, sharing a fresh nonce.
    /// </summary>
    public IReadOnlyList<string> CreateChallenges(string realm, bool stale = false)
    {
        ArgumentNullException.ThrowIfNull(realm);
        return DigestChallenge.CreateHeaderValues(realm, _nonces.CreateNonce(), _opaque, stale, _options.Algorithms);
    }

    /// <summary>Verifies with a password lookup (username → password, or null for no such user).</summary>
    public DigestVerification Verify(
        string method, string requestUri, DigestCredentials credentials, string expectedRealm, Func<string, string?> passwordLookup)
    {
        ArgumentNullException.ThrowIfNull(passwordLookup);
        return Verify(method, requestUri, credentials, expectedRealm, new PasswordLookupCredentialStore(passwordLookup));
    }

    /// <summary>
    /// Verifies credentials for a request. Order of checks: algorithm offered, realm, <c>uri</c> equals
    /// <paramref name="requestUri"/> (case-insensitive), qop=auth with cnonce and nc (or no qop when allowed),
    /// then the response digest in constant time. An unknown user is checked against a dummy secret, so it is
    /// indistinguishable from a wrong password. A correct digest with an expired, unknown (e.g. issued before a
    /// restart), replayed or (without qop) already spent nonce gives <see cref="DigestVerificationStatus.Stale"/>: the client knows the
    /// password, so it is asked to retry with a fresh nonce without prompting the user (RFC 7616 §3.3 "stale").
    /// </summary>
    public DigestVerification Verify(
        string method, string requestUri, DigestCredentials credentials, string expectedRealm, ICredentialStore store)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(expectedRealm);
        ArgumentNullException.ThrowIfNull(store);

        if (credentials.Algorithm is not { } algorithm || !Offers(algorithm))
        {
            return DigestVerification.Failed(DigestFailureReason.UnsupportedAlgorithm);
        }
        if (!string.Equals(credentials.Realm, expectedRealm, StringComparison.Ordinal))
        {
            return DigestVerification.Failed(DigestFailureReason.RealmMismatch);
        }
        if (!string.Equals(credentials.Uri.Trim(), requestUri.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return DigestVerification.Failed(DigestFailureReason.UriMismatch);
        }
        if (!HasRequiredParameters(credentials, algorithm, out var nonceCount))
        {
            return DigestVerification.Failed(DigestFailureReason.MissingParameters);
        }

        var nonceStatus = _nonces.Validate(credentials.Nonce);
        var secret = store.FindSecret(credentials.Username, credentials.Realm);
        var knownUser = secret is not null;
        var digestMatches = ResponseMatches(algorithm, method, credentials, secret ?? _dummySecret);
        if (!(digestMatches & knownUser))
        {
            return DigestVerification.Failed(DigestFailureReason.WrongResponse);
        }

        var opaqueOk = credentials.Opaque is null || string.Equals(credentials.Opaque, _opaque, StringComparison.Ordinal);
        if (nonceStatus != NonceStatus.Valid || !opaqueOk)
        {
            var reason = nonceStatus == NonceStatus.Stale ? DigestFailureReason.StaleNonce : DigestFailureReason.UnknownNonce;
            return new DigestVerification(DigestVerificationStatus.Stale, credentials.Username, reason);
        }
        if (nonceCount is { } count && !_nonces.TryAcceptNonceCount(credentials.Nonce, count))
        {
            return new DigestVerification(DigestVerificationStatus.Stale, credentials.Username, DigestFailureReason.NonceCountReplayed);
        }
        if (nonceCount is null && !_nonces.TrySpend(credentials.Nonce))
        {
            // No nc to tell a replay from a new request: a nonce answered without qop serves one request only.
            return new DigestVerification(DigestVerificationStatus.Stale, credentials.Username, DigestFailureReason.NonceReused);
        }
        return new DigestVerification(DigestVerificationStatus.Ok, credentials.Username, DigestFailureReason.None);
    }

    private bool Offers(DigestAlgorithm algorithm)
    {
        foreach (var offered in _options.Algorithms)
        {
            if (offered == algorithm) return true;
        }
        return false;
    }

    /// <summary>qop=auth needs cnonce and a valid nc (RFC 7616 §3.4); -sess needs cnonce; no qop only when allowed.</summary>
    private bool HasRequiredParameters(DigestCredentials credentials, DigestAlgorithm algorithm, out uint? nonceCount)
    {
        nonceCount = null;
        if (credentials.Qop is null)
        {
            return _options.AllowMissingQop && (!algorithm.IsSession() || !string.IsNullOrEmpty(credentials.Cnonce));
        }
        if (!credentials.Qop.Equals("auth", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(credentials.Cnonce)
            || credentials.NonceCountValue is not { } count)
        {
            return false;
        }
        nonceCount = count;
        return true;
    }

    private static bool ResponseMatches(DigestAlgorithm algorithm, string method, DigestCredentials credentials, DigestSecret secret)
    {
        Span<char> ha1 = stackalloc char[DigestHasher.MaxHexLength];
        Span<char> expected = stackalloc char[DigestHasher.MaxHexLength];
        var haveHa1 = secret.TryWriteHa1(algorithm, credentials.Username, credentials.Realm, ha1, out var ha1Length);
        if (!haveHa1)
        {
            // No HA1 of this family is stored: still do the work, then fail.
            ha1Length = algorithm.HexLength();
            ha1[..ha1Length].Fill('0');
        }
        // The qop is hashed exactly as the client sent it; absent means the RFC 2069 form.
        var qop = credentials.Qop.AsSpan();
        var length = DigestCalculator.ComputeResponse(
            algorithm, ha1[..ha1Length], method, credentials.Uri, credentials.Nonce, qop, credentials.NonceCount, credentials.Cnonce, expected);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(ha1));

        // Clients send lower-case hex (LHEX); accept upper case too.
        var received = credentials.Response.AsSpan();
        Span<char> normalized = stackalloc char[DigestHasher.MaxHexLength];
        var receivedLength = Math.Min(received.Length, normalized.Length);
        received[..receivedLength].ToLowerInvariant(normalized);

        var equal = CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(expected[..length]), MemoryMarshal.AsBytes(normalized[..receivedLength]));
        return equal & haveHa1 & received.Length == length;
    }
}
