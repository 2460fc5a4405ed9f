namespace Softswitch.Media.Sdp;

/// <summary>Readers for the value of each SDP line type (the text after <c>x=</c>). None of them throws.</summary>
internal static class SdpFieldParser
{
    /// <summary><c>o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;address&gt;</c></summary>
    public static bool TryParseOrigin(string value, out SdpOrigin? origin)
    {
        origin = null;
        var parts = Tokens(value);
        if (parts.Length != 6 || !IsDigits(parts[1]) || !SdpNumbers.TryParseULong(parts[2], out var version))
        {
            return false;
        }
        origin = new SdpOrigin(parts[0], parts[1], version, parts[3], parts[4], parts[5]);
        return true;
    }

    /// <summary><c>c=&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;</c></summary>
    public static bool TryParseConnection(string value, out SdpConnection? connection)
    {
        connection = null;
        var parts = Tokens(value);
        if (parts.Length != 3)
        {
            return false;
        }
        connection = new SdpConnection(parts[0], parts[1], parts[2]);
        return true;
    }

    /// <summary><c>b=&lt;bwtype&gt;:&lt;bandwidth&gt;</c></summary>
    public static bool TryParseBandwidth(string value, out SdpBandwidth? bandwidth)
    {
        bandwidth = null;
        var colon = value.IndexOf(':');
        if (colon <= 0 || !SdpNumbers.TryParseULong(value.AsSpan(colon + 1).Trim(), out var amount))
        {
            return false;
        }
        bandwidth = new SdpBandwidth(value[..colon], amount);
        return true;
    }

    /// <summary><c>t=&lt;start-time&gt; &lt;stop-time&gt;</c></summary>
    public static bool TryParseTiming(string value, out SdpTiming? timing)
    {
        timing = null;
        var parts = Tokens(value);
        if (parts.Length != 2 || !SdpNumbers.TryParseULong(parts[0], out var start)
            || !SdpNumbers.TryParseULong(parts[1], out var stop))
        {
            return false;
        }
        timing = new SdpTiming(start, stop);
        return true;
    }

    /// <summary><c>a=&lt;attribute-name&gt;[:&lt;attribute-value&gt;]</c>; the name must be a token.</summary>
    public static bool TryParseAttribute(string value, out SdpAttribute? attribute)
    {
        attribute = null;
        var colon = value.IndexOf(':');
        var name = colon < 0 ? value : value[..colon];
        if (!IsToken(name))
        {
            return false;
        }
        attribute = new SdpAttribute(name, colon < 0 ? null : value[(colon + 1)..]);
        return true;
    }

    /// <summary><c>m=&lt;media&gt; &lt;port&gt;[/&lt;number of ports&gt;] &lt;proto&gt; &lt;fmt&gt; ...</c></summary>
    public static bool TryParseMedia(string value, out MediaDescription? media)
    {
        media = null;
        var parts = Tokens(value);
        // RFC 8866 requires at least one format, but rejected streams from some phones carry none.
        if (parts.Length < 3 || !IsToken(parts[0]))
        {
            return false;
        }
        var portText = parts[1].AsSpan();
        int? portCount = null;
        var slash = portText.IndexOf('/');
        if (slash >= 0)
        {
            if (!SdpNumbers.TryParsePort(portText[(slash + 1)..], out var count) || count == 0)
            {
                return false;
            }
            portCount = count;
            portText = portText[..slash];
        }
        if (!SdpNumbers.TryParsePort(portText, out var port))
        {
            return false;
        }
        media = new MediaDescription(parts[0], port, parts[2]) { PortCount = portCount };
        for (var i = 3; i < parts.Length; i++)
        {
            media.Formats.Add(parts[i]);
        }
        return true;
    }

    private static string[] Tokens(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>RFC 8866 §9 token: visible ASCII except the separators it lists.</summary>
    private static bool IsToken(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (c is <= ' ' or >= (char)0x7F or '"' or '(' or ')' or ',' or '/' or ':' or ';' or '<' or '=' or '>'
                or '?' or '@' or '[' or '\\' or ']' or '{' or '}')
            {
                return false;
            }
        }
        return true;
    }
}
