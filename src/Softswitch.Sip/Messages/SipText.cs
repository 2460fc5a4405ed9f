using System.Buffers;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>Byte-level character classes and helpers shared by the SIP parsers (RFC 3261 §25.1).</summary>
internal static class SipText
{
    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")</summary>
    public static readonly SearchValues<byte> TokenChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    private static readonly SearchValues<byte> s_lws = SearchValues.Create(" \t\r\n"u8);

    public static bool IsLws(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    public static bool IsToken(ReadOnlySpan<byte> s) => s.Length > 0 && !s.ContainsAnyExcept(TokenChars);

    public static bool ContainsLws(ReadOnlySpan<byte> s) => s.ContainsAny(s_lws);

    public static int SkipLws(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && IsLws(s[i]))
        {
            i++;
        }
        return i;
    }

    public static ReadOnlySpan<byte> TrimLws(ReadOnlySpan<byte> s)
    {
        var start = 0;
        while (start < s.Length && IsLws(s[start]))
        {
            start++;
        }
        var end = s.Length;
        while (end > start && IsLws(s[end - 1]))
        {
            end--;
        }
        return s[start..end];
    }

    /// <summary>Index just past the closing quote of the quoted-string starting at <paramref name="start"/>, or -1 if unterminated.</summary>
    public static int SkipQuotedString(ReadOnlySpan<byte> s, int start)
    {
        for (var i = start + 1; i < s.Length; i++)
        {
            if (s[i] == (byte)'\\')
            {
                i++;
            }
            else if (s[i] == (byte)'"')
            {
                return i + 1;
            }
        }
        return -1;
    }

    /// <summary>Parses 1*DIGIT (leading zeros allowed) into a uint; false on empty, non-digit or overflow.</summary>
    public static bool TryParseUInt32(ReadOnlySpan<byte> digits, out uint value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }
        ulong acc = 0;
        foreach (var b in digits)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return false;
            }
            acc = acc * 10 + d;
            if (acc > uint.MaxValue)
            {
                return false;
            }
        }
        value = (uint)acc;
        return true;
    }

    /// <summary>Parses 1*DIGIT into a non-negative int; false on empty, non-digit or overflow.</summary>
    public static bool TryParseInt32(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        if (!TryParseUInt32(digits, out var u) || u > int.MaxValue)
        {
            return false;
        }
        value = (int)u;
        return true;
    }

    /// <summary>Decodes UTF-8 header text; folded lines (CRLF + whitespace) become one space (§7.3.1).</summary>
    public static string Decode(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty)
        {
            return string.Empty;
        }
        if (s.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return Encoding.UTF8.GetString(s);
        }
        var buffer = s.Length <= 512 ? stackalloc byte[s.Length] : new byte[s.Length];
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] is (byte)'\r' or (byte)'\n')
            {
                while (n > 0 && buffer[n - 1] is (byte)' ' or (byte)'\t')
                {
                    n--;
                }
                while (i + 1 < s.Length && IsLws(s[i + 1]))
                {
                    i++;
                }
                buffer[n++] = (byte)' ';
            }
            else
            {
                buffer[n++] = s[i];
            }
        }
        return Encoding.UTF8.GetString(buffer[..n]);
    }

    /// <summary>The content of a quoted-string (without quotes), with quoted-pairs resolved.</summary>
    public static string Unquote(ReadOnlySpan<byte> quoted)
    {
        var inner = quoted.Length >= 2 && quoted[0] == (byte)'"' && quoted[^1] == (byte)'"' ? quoted[1..^1] : quoted;
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return Decode(inner);
        }
        var buffer = new byte[inner.Length];
        var n = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == (byte)'\\' && i + 1 < inner.Length)
            {
                i++;
            }
            buffer[n++] = inner[i];
        }
        return Decode(buffer.AsSpan(0, n));
    }

    /// <summary>Wraps text in quotes, escaping backslash and quote, for a display name or quoted parameter.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    public static bool IsTokenString(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }
        foreach (var c in s)
        {
            if (c > 127 || !TokenChars.Contains((byte)c))
            {
                return false;
            }
        }
        return true;
    }
}
