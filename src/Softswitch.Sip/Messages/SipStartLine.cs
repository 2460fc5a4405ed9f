namespace Softswitch.Sip.Messages;

/// <summary>
/// Parses the Request-Line or Status-Line (RFC 3261 §7.1, §7.2, §25.1). Strict about single SP separators:
/// RFC 4475 lwsstart, lwsruri, trws and ltgtruri are rejected with 400, an unknown version with 505.
/// </summary>
internal static class SipStartLine
{
    public static bool LooksLikeResponse(ReadOnlySpan<byte> line) =>
        line.Length >= 4 && System.Text.Ascii.EqualsIgnoreCase(line[..4], "SIP/"u8);

    public static bool TryParseRequest(ReadOnlySpan<byte> line, out SipMethod method, out Range methodName,
        out Range requestUri, out int statusCode, out string reason)
    {
        method = SipMethod.Unknown;
        methodName = default;
        requestUri = default;
        var firstSpace = line.IndexOf((byte)' ');
        if (firstSpace <= 0 || !SipText.IsToken(line[..firstSpace]))
        {
            return Fail(400, "malformed Request-Line: bad method", out statusCode, out reason);
        }
        methodName = ..firstSpace;
        method = SipMethods.Parse(line[..firstSpace]);
        var lastSpace = line.LastIndexOf((byte)' ');
        if (lastSpace <= firstSpace)
        {
            return Fail(400, "malformed Request-Line: missing SIP version", out statusCode, out reason);
        }
        requestUri = (firstSpace + 1)..lastSpace;
        var uri = line[requestUri];
        if (uri.IsEmpty || SipText.ContainsLws(uri))
        {
            return Fail(400, "malformed Request-Line: whitespace in or around the Request-URI", out statusCode, out reason);
        }
        return CheckVersion(line[(lastSpace + 1)..], out statusCode, out reason);
    }

    public static bool TryParseStatus(ReadOnlySpan<byte> line, out int code, out Range reasonPhrase,
        out int statusCode, out string reason)
    {
        code = 0;
        reasonPhrase = default;
        var firstSpace = line.IndexOf((byte)' ');
        if (firstSpace < 0)
        {
            return Fail(400, "malformed Status-Line", out statusCode, out reason);
        }
        if (!CheckVersion(line[..firstSpace], out statusCode, out reason))
        {
            return false;
        }
        var rest = line[(firstSpace + 1)..];
        var codeEnd = rest.IndexOf((byte)' ');
        var digits = codeEnd < 0 ? rest : rest[..codeEnd];
        if (digits.Length != 3 || !SipText.TryParseInt32(digits, out code) || code is < 100 or > 699)
        {
            return Fail(400, "malformed Status-Line: status code must be 3 digits 100-699", out statusCode, out reason);
        }
        var reasonStart = firstSpace + 1 + (codeEnd < 0 ? rest.Length : codeEnd + 1);
        reasonPhrase = reasonStart..line.Length;
        return true;
    }

    private static bool CheckVersion(ReadOnlySpan<byte> version, out int statusCode, out string reason)
    {
        if (version.SequenceEqual("SIP/2.0"u8))
        {
            statusCode = 0;
            reason = string.Empty;
            return true;
        }
        var dot = version.IndexOf((byte)'.');
        var wellFormed = version.Length > 4 && System.Text.Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8)
            && dot > 4 && SipText.TryParseInt32(version[4..dot], out _) && SipText.TryParseInt32(version[(dot + 1)..], out _);
        if (wellFormed && version[4..].SequenceEqual("2.0"u8))
        {
            statusCode = 0;
            reason = string.Empty;
            return true;
        }
        return wellFormed
            ? Fail(505, "SIP version not supported", out statusCode, out reason)
            : Fail(400, "malformed SIP version", out statusCode, out reason);
    }

    private static bool Fail(int code, string text, out int statusCode, out string reason)
    {
        statusCode = code;
        reason = text;
        return false;
    }
}
