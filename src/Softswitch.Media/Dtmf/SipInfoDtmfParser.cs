using System.Buffers.Text;
using System.Text;

namespace Softswitch.Media.Dtmf;

/// <summary>
/// Reads a digit from the body of a SIP INFO request, as phones send it:
/// <c>application/dtmf-relay</c> (<c>Signal=5\r\nDuration=160</c>) or <c>application/dtmf</c>
/// (the body is the key, e.g. <c>5</c>). Neither is standardised, so parsing is lenient about case,
/// whitespace and line endings; anything else is rejected, never thrown.
/// </summary>
public static class SipInfoDtmfParser
{
    /// <summary>The Content-Type used by most phones (Cisco-originated).</summary>
    public const string DtmfRelayContentType = "application/dtmf-relay";

    /// <summary>The bare form: the body holds only the key.</summary>
    public const string DtmfContentType = "application/dtmf";

    // Bodies are a few bytes; anything large is not DTMF.
    private const int MaxBodyLength = 1024;

    /// <summary>
    /// Parses the INFO body. <paramref name="durationMs"/> is 0 when the body carries no duration.
    /// </summary>
    /// <param name="contentType">The Content-Type header value (parameters allowed).</param>
    /// <param name="body">The message body.</param>
    /// <param name="digit">The key pressed.</param>
    /// <param name="durationMs">The Duration field in milliseconds, or 0 when absent.</param>
    public static bool TryParse(string? contentType, ReadOnlySpan<byte> body, out DtmfDigit digit, out int durationMs)
    {
        digit = default;
        durationMs = 0;
        if (contentType is null || body.Length > MaxBodyLength)
        {
            return false;
        }
        var mediaType = MediaType(contentType);
        if (mediaType.Equals(DtmfRelayContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseRelay(body, out digit, out durationMs);
        }
        if (mediaType.Equals(DtmfContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseSignal(Trim(body), out digit);
        }
        return false;
    }

    private static ReadOnlySpan<char> MediaType(string contentType)
    {
        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        return (semicolon >= 0 ? span[..semicolon] : span).Trim();
    }

    private static bool TryParseRelay(ReadOnlySpan<byte> body, out DtmfDigit digit, out int durationMs)
    {
        digit = default;
        durationMs = 0;
        var haveSignal = false;
        var haveDuration = false;
        while (!body.IsEmpty)
        {
            var newline = body.IndexOf((byte)'\n');
            var line = Trim(newline >= 0 ? body[..newline] : body);
            body = newline >= 0 ? body[(newline + 1)..] : [];
            if (line.IsEmpty)
            {
                continue;
            }
            var equals = line.IndexOf((byte)'=');
            if (equals <= 0)
            {
                return false;
            }
            var name = Trim(line[..equals]);
            var value = Trim(line[(equals + 1)..]);
            if (name.Length == 6 && Ascii.EqualsIgnoreCase(name, "signal"u8))
            {
                if (haveSignal || !TryParseSignal(value, out digit))
                {
                    return false;
                }
                haveSignal = true;
            }
            else if (name.Length == 8 && Ascii.EqualsIgnoreCase(name, "duration"u8))
            {
                if (haveDuration || !Utf8Parser.TryParse(value, out durationMs, out var used) || used != value.Length || durationMs < 0)
                {
                    durationMs = 0;
                    return false;
                }
                haveDuration = true;
            }
            // Other fields are ignored: phones add vendor keys.
        }
        if (!haveSignal)
        {
            durationMs = 0;
        }
        return haveSignal;
    }

    // "5", "*", "#", "A".."D" (either case), or the event code as a number: some phones send 10 for * and 11 for #.
    private static bool TryParseSignal(ReadOnlySpan<byte> value, out DtmfDigit digit)
    {
        digit = default;
        if (value.Length == 1)
        {
            return DtmfDigits.TryFromChar((char)value[0], out digit);
        }
        if (value.Length == 2 && Utf8Parser.TryParse(value, out int code, out var used) && used == 2 && code >= 10)
        {
            return DtmfDigits.TryFromEventCode(code, out digit);
        }
        return false;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => text.Trim(" \t\r\n\0"u8);
}
