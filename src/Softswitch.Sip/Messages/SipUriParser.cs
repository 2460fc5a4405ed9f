using System.Buffers;

namespace Softswitch.Sip.Messages;

/// <summary>
/// Splits a SIP, SIPS or tel URI into components (RFC 3261 §19.1.1, §25.1; RFC 3966) without allocating.
/// Other schemes are accepted as scheme + opaque text (absoluteURI).
/// </summary>
internal static class SipUriParser
{
    // Printable ASCII without the characters that delimit a URI inside a header field.
    private static readonly SearchValues<byte> s_uriChars = SearchValues.Create(
        "!#$%&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    private static readonly SearchValues<byte> s_schemeChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."u8);

    private static readonly SearchValues<byte> s_hostChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._"u8);

    private static readonly SearchValues<byte> s_ipv6Chars = SearchValues.Create("0123456789abcdefABCDEF:."u8);

    /// <summary>Reads the scheme only: false when there is no syntactically valid "scheme:" prefix.</summary>
    public static bool TryReadScheme(ReadOnlySpan<byte> s, out SipUriKind kind, out int colon)
    {
        kind = SipUriKind.Other;
        colon = s.IndexOf((byte)':');
        if (colon <= 0 || !char.IsAsciiLetter((char)s[0]) || s[..colon].ContainsAnyExcept(s_schemeChars))
        {
            return false;
        }
        var scheme = s[..colon];
        kind = scheme.Length switch
        {
            3 when System.Text.Ascii.EqualsIgnoreCase(scheme, "sip"u8) => SipUriKind.Sip,
            4 when System.Text.Ascii.EqualsIgnoreCase(scheme, "sips"u8) => SipUriKind.Sips,
            3 when System.Text.Ascii.EqualsIgnoreCase(scheme, "tel"u8) => SipUriKind.Tel,
            _ => SipUriKind.Other,
        };
        return true;
    }

    public static bool TryParse(ReadOnlySpan<byte> s, out SipUriParts parts)
    {
        parts = default;
        if (s.IsEmpty || s.ContainsAnyExcept(s_uriChars) || !TryReadScheme(s, out var kind, out var colon))
        {
            return false;
        }
        parts.Kind = kind;
        parts.Scheme = ..colon;
        var start = colon + 1;
        return kind switch
        {
            SipUriKind.Sip or SipUriKind.Sips => TryParseSip(s, start, ref parts),
            SipUriKind.Tel => TryParseTel(s, start, ref parts),
            _ => TryParseOpaque(s, start, ref parts),
        };
    }

    private static bool TryParseOpaque(ReadOnlySpan<byte> s, int start, ref SipUriParts parts)
    {
        parts.Opaque = start..s.Length;
        return start < s.Length;
    }

    private static bool TryParseTel(ReadOnlySpan<byte> s, int start, ref SipUriParts parts)
    {
        var semi = s[start..].IndexOf((byte)';');
        var end = semi < 0 ? s.Length : start + semi;
        if (end == start)
        {
            return false;
        }
        parts.User = start..end;
        parts.HasUser = true;
        parts.Parameters = end..s.Length;
        parts.Port = -1;
        return true;
    }

    private static bool TryParseSip(ReadOnlySpan<byte> s, int start, ref SipUriParts parts)
    {
        var at = s[start..].IndexOf((byte)'@');
        var i = start;
        if (at >= 0)
        {
            if (at == 0)
            {
                return false;
            }
            var userInfo = s.Slice(start, at);
            var passwordColon = userInfo.IndexOf((byte)':');
            parts.HasUser = true;
            if (passwordColon < 0)
            {
                parts.User = start..(start + at);
            }
            else
            {
                parts.User = start..(start + passwordColon);
                parts.Password = (start + passwordColon + 1)..(start + at);
                parts.HasPassword = true;
            }
            i = start + at + 1;
        }
        if (i >= s.Length)
        {
            return false;
        }
        var hostStart = i;
        if (s[i] == (byte)'[')
        {
            var close = s[i..].IndexOf((byte)']');
            if (close < 2 || s.Slice(i + 1, close - 1).ContainsAnyExcept(s_ipv6Chars))
            {
                return false;
            }
            i += close + 1;
        }
        else
        {
            while (i < s.Length && s_hostChars.Contains(s[i]))
            {
                i++;
            }
            if (i == hostStart)
            {
                return false;
            }
        }
        parts.Host = hostStart..i;
        parts.Port = -1;
        if (i < s.Length && s[i] == (byte)':')
        {
            var portStart = ++i;
            while (i < s.Length && char.IsAsciiDigit((char)s[i]))
            {
                i++;
            }
            if (!SipText.TryParseInt32(s[portStart..i], out var port) || port > 65535)
            {
                return false;
            }
            parts.Port = port;
        }
        var paramStart = i;
        if (i < s.Length && s[i] == (byte)';')
        {
            var question = s[i..].IndexOf((byte)'?');
            i = question < 0 ? s.Length : i + question;
        }
        parts.Parameters = paramStart..i;
        if (i < s.Length && s[i] == (byte)'?')
        {
            if (i + 1 == s.Length)
            {
                return false;
            }
            parts.Headers = (i + 1)..s.Length;
            parts.HasHeaders = true;
            i = s.Length;
        }
        return i == s.Length;
    }
}
