using System.Security.Cryptography;

namespace Softswitch.Sip.Messages;

/// <summary>Random identifiers for messages we originate (RFC 3261 §8.1.1.4, §8.1.1.7, §19.3).</summary>
public static class SipIds
{
    /// <summary>A branch with the RFC 3261 magic cookie and 64 random bits: unique per transaction.</summary>
    public static string NewBranch() => ViaHeader.MagicCookie + RandomHex(8);

    /// <summary>A From/To tag with 64 random bits (§19.3 asks for at least 32).</summary>
    public static string NewTag() => RandomHex(8);

    /// <summary>A Call-ID with 128 random bits, optionally "@host".</summary>
    public static string NewCallId(string? host = null) => host is null ? RandomHex(16) : RandomHex(16) + "@" + host;

    private static string RandomHex(int bytes)
    {
        Span<byte> random = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(random);
        return Convert.ToHexStringLower(random);
    }
}
