using System.Buffers;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>%HH escaping in URIs (RFC 3261 §19.1.2, §25.1 "escaped").</summary>
internal static class SipEscaping
{
    /// <summary>user-unreserved and unreserved: characters a SIP URI user part may carry unescaped.</summary>
    private static readonly SearchValues<char> s_userSafe = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()&=+$,;?/");

    private static readonly SearchValues<char> s_passwordSafe = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()&=+$,");

    private static readonly SearchValues<char> s_paramSafe = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()[]/:&+$");

    /// <summary>Replaces each valid %HH with its byte and decodes as UTF-8; a stray % stays literal.</summary>
    public static string Unescape(ReadOnlySpan<byte> s)
    {
        if (s.IndexOf((byte)'%') < 0)
        {
            return Encoding.UTF8.GetString(s);
        }
        var buffer = s.Length <= 256 ? stackalloc byte[s.Length] : new byte[s.Length];
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == (byte)'%' && i + 2 < s.Length && IsHex(s[i + 1]) && IsHex(s[i + 2]))
            {
                buffer[n++] = (byte)((HexValue(s[i + 1]) << 4) | HexValue(s[i + 2]));
                i += 2;
            }
            else
            {
                buffer[n++] = s[i];
            }
        }
        return Encoding.UTF8.GetString(buffer[..n]);
    }

    public static string EscapeUser(string user) => Escape(user, s_userSafe);

    public static string EscapePassword(string password) => Escape(password, s_passwordSafe);

    public static string EscapeParameter(string value) => Escape(value, s_paramSafe);

    private static string Escape(string text, SearchValues<char> safe)
    {
        if (!text.AsSpan().ContainsAnyExcept(safe))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (safe.Contains(c))
            {
                sb.Append(c);
                continue;
            }
            var length = char.IsHighSurrogate(c) && i + 1 < text.Length
                ? Encoding.UTF8.GetBytes(text.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(text.AsSpan(i, 1), utf8);
            for (var k = 0; k < length; k++)
            {
                sb.Append('%').Append(utf8[k].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
