namespace Softswitch.Sip.Auth;

/// <summary>Maps <see cref="DigestAlgorithm"/> to and from its wire token (<c>MD5</c>, <c>SHA-256-sess</c>, ...).</summary>
public static class DigestAlgorithmNames
{
    /// <summary>The token as written in a challenge, e.g. <c>SHA-256</c>.</summary>
    public static string ToToken(this DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Md5Sess => "MD5-sess",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha256Sess => "SHA-256-sess",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>Parses a token case-insensitively (RFC 7616 §3.3: "case-insensitive"); false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> token, out DigestAlgorithm algorithm)
    {
        foreach (var candidate in (ReadOnlySpan<DigestAlgorithm>)[DigestAlgorithm.Md5, DigestAlgorithm.Md5Sess, DigestAlgorithm.Sha256, DigestAlgorithm.Sha256Sess])
        {
            if (token.Equals(candidate.ToToken(), StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }
        algorithm = default;
        return false;
    }

    /// <summary>True for the <c>-sess</c> variants, whose HA1 also covers nonce and cnonce.</summary>
    public static bool IsSession(this DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Md5Sess or DigestAlgorithm.Sha256Sess;

    /// <summary>Length of the lower-case hex digest: 32 for MD5, 64 for SHA-256.</summary>
    public static int HexLength(this DigestAlgorithm algorithm) =>
        algorithm is DigestAlgorithm.Md5 or DigestAlgorithm.Md5Sess ? 32 : 64;
}
