namespace Softswitch.Sip.Messages;

/// <summary>
/// Parses one via-parm: <c>sent-protocol LWS sent-by *( SEMI via-params )</c> (RFC 3261 §20.42, §25.1),
/// with LWS allowed around "/" and ":" as the grammar's SLASH and COLON permit (RFC 4475 wsinv).
/// </summary>
internal static class ViaParser
{
    public static bool TryParse(ReadOnlySpan<byte> s, out ViaParts parts)
    {
        parts = default;
        var i = SipText.SkipLws(s, 0);
        if (!ReadToken(s, ref i, out parts.ProtocolName) || !ReadSlash(s, ref i)
            || !ReadToken(s, ref i, out parts.ProtocolVersion) || !ReadSlash(s, ref i)
            || !ReadToken(s, ref i, out parts.Transport))
        {
            return false;
        }
        var afterTransport = i;
        i = SipText.SkipLws(s, i);
        if (i == afterTransport || i >= s.Length)
        {
            return false;
        }
        var hostStart = i;
        if (s[i] == (byte)'[')
        {
            var close = s[i..].IndexOf((byte)']');
            if (close < 2)
            {
                return false;
            }
            i += close + 1;
        }
        else
        {
            while (i < s.Length && (char.IsAsciiLetterOrDigit((char)s[i]) || s[i] is (byte)'-' or (byte)'.' or (byte)'_'))
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
        var beforeColon = SipText.SkipLws(s, i);
        if (beforeColon < s.Length && s[beforeColon] == (byte)':')
        {
            i = SipText.SkipLws(s, beforeColon + 1);
            var portStart = i;
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
        parts.Parameters = i..s.Length;
        return SipParameterScanner.Validate(s[parts.Parameters]);
    }

    private static bool ReadToken(ReadOnlySpan<byte> s, ref int i, out Range range)
    {
        var start = i;
        while (i < s.Length && SipText.TokenChars.Contains(s[i]))
        {
            i++;
        }
        range = start..i;
        return i > start;
    }

    private static bool ReadSlash(ReadOnlySpan<byte> s, ref int i)
    {
        i = SipText.SkipLws(s, i);
        if (i >= s.Length || s[i] != (byte)'/')
        {
            return false;
        }
        i = SipText.SkipLws(s, i + 1);
        return true;
    }
}
