namespace Softswitch.Sip.Auth;

/// <summary>
/// What the server knows about a user: the plain password, or HA1 values stored instead
/// (<c>H(username:realm:password)</c> per algorithm family, RFC 7616 §3.4.2), so a leaked store does not reveal passwords.
/// </summary>
public sealed class DigestSecret
{
    private readonly string? _password;
    private readonly string? _md5Ha1;
    private readonly string? _sha256Ha1;

    private DigestSecret(string? password, string? md5Ha1, string? sha256Ha1)
    {
        _password = password;
        _md5Ha1 = md5Ha1;
        _sha256Ha1 = sha256Ha1;
    }

    /// <summary>A plain password; works with every algorithm.</summary>
    public static DigestSecret FromPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return new DigestSecret(password, null, null);
    }

    /// <summary>Stored HA1 values (lower-case hex) computed for this user's realm; an algorithm without its HA1 cannot be verified.</summary>
    public static DigestSecret FromHa1(string? md5Ha1, string? sha256Ha1)
    {
        if (md5Ha1 is null && sha256Ha1 is null) throw new ArgumentException("At least one HA1 is needed.");
        return new DigestSecret(null, md5Ha1?.ToLowerInvariant(), sha256Ha1?.ToLowerInvariant());
    }

    /// <summary>Writes HA1 (before any -sess step) for the algorithm; false when only an HA1 of the other family is stored.</summary>
    internal bool TryWriteHa1(DigestAlgorithm algorithm, string username, string realm, Span<char> hex, out int length)
    {
        if (_password is not null)
        {
            length = DigestCalculator.ComputeHa1(algorithm, username, realm, _password, hex);
            return true;
        }
        var stored = algorithm.HexLength() == 32 ? _md5Ha1 : _sha256Ha1;
        if (stored is null || stored.Length != algorithm.HexLength())
        {
            length = 0;
            return false;
        }
        stored.CopyTo(hex);
        length = stored.Length;
        return true;
    }
}
