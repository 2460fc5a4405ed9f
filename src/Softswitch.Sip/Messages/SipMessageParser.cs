namespace Softswitch.Sip.Messages;

/// <summary>
/// Turns bytes into a <see cref="SipRequest"/> or <see cref="SipResponse"/> (RFC 3261 §7, §25). One pass over the
/// lines builds an index of header fields, then <see cref="SipMessageValidator"/> checks what §8.2 requires; the
/// only allocations are the message, its copy of the bytes and its header index. Never throws.
/// </summary>
public static class SipMessageParser
{
    private const int StackHeaders = 48;

    public static SipParseStatus TryParse(ReadOnlySpan<byte> data, out SipMessage? message, out SipParseError error)
    {
        try
        {
            return TryParseCore(data, out message, out error);
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentException or InvalidOperationException)
        {
            // Defence in depth: a parser bug must not take down the receive loop. Tests assert this never happens.
            message = null;
            error = new SipParseError("internal parser error: " + ex.GetType().Name, 400, false);
            return SipParseStatus.Invalid;
        }
    }

    private static SipParseStatus TryParseCore(ReadOnlySpan<byte> data, out SipMessage? message, out SipParseError error)
    {
        message = null;
        var skip = 0;
        while (skip < data.Length && data[skip] is (byte)'\r' or (byte)'\n')
        {
            skip++; // §7.5: ignore CRLFs before the start line (keep-alives on streams)
        }
        data = data[skip..];
        var firstLf = data.IndexOf((byte)'\n');
        var isResponse = SipStartLine.LooksLikeResponse(data);
        if (firstLf < 0)
        {
            error = new SipParseError("incomplete start line", 400, !isResponse && !data.IsEmpty);
            return SipParseStatus.Invalid;
        }
        var startLine = data[..(firstLf > 0 && data[firstLf - 1] == (byte)'\r' ? firstLf - 1 : firstLf)];

        SipMethod method = SipMethod.Unknown;
        Range methodName = default, requestUri = default, reasonPhrase = default;
        int statusCode = 0, errorCode;
        string errorReason;
        var startLineOk = isResponse
            ? SipStartLine.TryParseStatus(startLine, out statusCode, out reasonPhrase, out errorCode, out errorReason)
            : SipStartLine.TryParseRequest(startLine, out method, out methodName, out requestUri, out errorCode, out errorReason);

        Span<SipHeaderEntry> stackHeaders = stackalloc SipHeaderEntry[StackHeaders];
        var headers = new HeaderIndex(stackHeaders);
        var framingError = ReadHeaders(data, firstLf + 1, ref headers, out var bodyStart);
        var entries = headers.Entries;

        if (!startLineOk || framingError is not null)
        {
            error = BuildError(data, entries, startLineOk ? framingError! : errorReason, startLineOk ? 400 : errorCode, !isResponse);
            return SipParseStatus.Invalid;
        }

        var validator = SipMessageValidator.Validate(data, entries, !isResponse, isResponse ? default : startLine[methodName]);
        var available = data.Length - bodyStart;
        if (validator.Error is null && validator.ContentLength > available)
        {
            validator.Error = "Content-Length larger than the message body";
        }
        if (validator.Error is not null)
        {
            error = BuildError(data, entries, validator.Error, 400, !isResponse);
            return SipParseStatus.Invalid;
        }
        if (!isResponse)
        {
            var uriError = CheckRequestUri(startLine[requestUri], out var uriStatus);
            if (uriError is not null)
            {
                error = BuildError(data, entries, uriError, uriStatus, true);
                return SipParseStatus.Invalid;
            }
        }

        var bodyLength = validator.ContentLength >= 0 ? validator.ContentLength : available;
        var layout = new SipMessageLayout
        {
            Buffer = data[..(bodyStart + bodyLength)].ToArray(),
            Headers = entries.ToArray(),
            BodyStart = bodyStart,
            BodyLength = bodyLength,
            CSeqNumber = validator.CSeqNumber,
            CSeqMethod = validator.CSeqMethod,
            CSeqMethodName = validator.CSeqMethodName,
            MaxForwards = validator.MaxForwards,
            Method = method,
            MethodName = methodName,
            RequestUri = requestUri,
            StatusCode = statusCode,
            ReasonPhrase = reasonPhrase,
        };
        message = isResponse ? new SipResponse(in layout) : new SipRequest(in layout);
        error = SipParseError.None;
        return SipParseStatus.Ok;
    }

    /// <summary>Indexes header lines up to the empty line; returns an error text or null.</summary>
    private static string? ReadHeaders(ReadOnlySpan<byte> data, int position, ref HeaderIndex headers, out int bodyStart)
    {
        bodyStart = data.Length;
        while (true)
        {
            var lf = data[position..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                return "incomplete header section (no empty line)";
            }
            var lineEnd = position + lf;
            var contentEnd = lineEnd > position && data[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
            var line = data[position..contentEnd];
            if (line.IsEmpty)
            {
                bodyStart = lineEnd + 1;
                return null;
            }
            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (headers.Count == 0)
                {
                    return "continuation line before the first header field";
                }
                headers.Fold(data, position, contentEnd);
            }
            else
            {
                var colon = line.IndexOf((byte)':');
                if (colon < 0)
                {
                    return "header line without a colon";
                }
                var nameEnd = colon;
                while (nameEnd > 0 && line[nameEnd - 1] is (byte)' ' or (byte)'\t')
                {
                    nameEnd--;
                }
                var name = line[..nameEnd];
                if (!SipText.IsToken(name))
                {
                    return "malformed header name";
                }
                var valueStart = SipText.SkipLws(line, colon + 1);
                var valueEnd = line.Length;
                while (valueEnd > valueStart && line[valueEnd - 1] is (byte)' ' or (byte)'\t')
                {
                    valueEnd--;
                }
                headers.Add(new SipHeaderEntry(SipHeaderNames.Identify(name), position, nameEnd,
                    position + valueStart, valueEnd - valueStart));
            }
            position = lineEnd + 1;
        }
    }

    /// <summary>§8.2.2.1 and §19.1.1: sip, sips and tel only (416 otherwise); no headers in a SIP Request-URI.</summary>
    private static string? CheckRequestUri(ReadOnlySpan<byte> uri, out int status)
    {
        status = 400;
        if (!SipUriParser.TryReadScheme(uri, out var kind, out _))
        {
            return "malformed Request-URI";
        }
        if (kind == SipUriKind.Other)
        {
            status = 416;
            return "unsupported URI scheme";
        }
        if (!SipUriParser.TryParse(uri, out var parts))
        {
            return "malformed Request-URI";
        }
        return parts.HasHeaders ? "header components are not allowed in a Request-URI" : null;
    }

    private static SipParseError BuildError(ReadOnlySpan<byte> data, ReadOnlySpan<SipHeaderEntry> entries, string reason,
        int statusCode, bool isRequest)
    {
        var vias = new List<string>();
        string? from = null, to = null, callId = null, cseq = null;
        foreach (var entry in entries)
        {
            var value = data[entry.Value];
            switch (entry.Id)
            {
                case SipHeaderId.Via: vias.Add(SipText.Decode(value)); break;
                case SipHeaderId.From: from ??= SipText.Decode(value); break;
                case SipHeaderId.To: to ??= SipText.Decode(value); break;
                case SipHeaderId.CallId: callId ??= SipText.Decode(value); break;
                case SipHeaderId.CSeq: cseq ??= SipText.Decode(value); break;
            }
        }
        return new SipParseError(reason, isRequest ? statusCode : 0, isRequest)
        {
            Vias = vias,
            From = from,
            To = to,
            CallId = callId,
            CSeq = cseq,
        };
    }
}
