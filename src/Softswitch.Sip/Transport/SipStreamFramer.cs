namespace Softswitch.Sip.Transport;

/// <summary>
/// Cuts a SIP byte stream (TCP, later TLS) into messages, RFC 3261 §18.3: the header block ends at
/// the first CRLFCRLF and Content-Length gives the body. It is resumable: partial data is never
/// searched twice because <see cref="SipFramerState"/> remembers how far the search got.
/// Pure and allocation-free; it reads only the Content-Length header and nothing else of SIP.
/// </summary>
public sealed class SipStreamFramer
{
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    /// <summary>Creates a framer that refuses frames larger than <paramref name="maxMessageSize"/> bytes.</summary>
    public SipStreamFramer(int maxMessageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageSize, 4);
        MaxMessageSize = maxMessageSize;
    }

    /// <summary>Largest frame, header block and body together.</summary>
    public int MaxMessageSize { get; }

    /// <summary>
    /// Looks for one frame at the start of <paramref name="buffered"/>, the bytes received since the end
    /// of the previous frame. On <see cref="SipFrameResult.Message"/>, <see cref="SipFrameResult.KeepAlivePing"/>
    /// and <see cref="SipFrameResult.Skip"/>, <paramref name="length"/> bytes belong to this frame: consume
    /// them and call again. On <see cref="SipFrameResult.NeedMoreData"/> keep every byte and call again
    /// with more appended. On <see cref="SipFrameResult.Error"/> the stream is lost.
    /// </summary>
    public SipFrameResult TryRead(ref SipFramerState state, ReadOnlySpan<byte> buffered, out int length)
    {
        length = 0;
        if (!state.HeaderComplete)
        {
            if (state.ScannedLength == 0)
            {
                var leading = ReadLeadingLineBreak(buffered, out length);
                if (leading != SipFrameResult.Message)
                {
                    return leading;
                }
            }

            var headerResult = FindHeaderEnd(ref state, buffered);
            if (headerResult != SipFrameResult.Message)
            {
                return headerResult;
            }
        }

        if (buffered.Length < state.MessageLength)
        {
            return SipFrameResult.NeedMoreData;
        }

        length = state.MessageLength;
        state = default;
        return SipFrameResult.Message;
    }

    /// <summary>
    /// CRLF before a start-line: CRLFCRLF is a ping (RFC 5626 §4.4.1), a lone CRLF is stray or a pong
    /// (RFC 3261 §7.5). Returns <see cref="SipFrameResult.Message"/> when a message starts here.
    /// </summary>
    private static SipFrameResult ReadLeadingLineBreak(ReadOnlySpan<byte> buffered, out int length)
    {
        length = 0;
        if (buffered.IsEmpty)
        {
            return SipFrameResult.NeedMoreData;
        }

        if (buffered[0] != (byte)'\r')
        {
            return SipFrameResult.Message;
        }

        // Up to four bytes decide between ping, stray CRLF and a message; wait until they are here.
        ReadOnlySpan<byte> ping = HeaderEnd;
        int known = Math.Min(buffered.Length, ping.Length);
        int matched = buffered[..known].CommonPrefixLength(ping[..known]);
        if (matched == ping.Length)
        {
            length = ping.Length;
            return SipFrameResult.KeepAlivePing;
        }

        if (matched == known)
        {
            return SipFrameResult.NeedMoreData;
        }

        if (matched >= 2)
        {
            length = 2;
            return SipFrameResult.Skip;
        }

        // A CR not followed by LF is not a line break; let the parser reject whatever this is.
        return SipFrameResult.Message;
    }

    private SipFrameResult FindHeaderEnd(ref SipFramerState state, ReadOnlySpan<byte> buffered)
    {
        // Back up three bytes: a CRLFCRLF may straddle the end of the previous search.
        int from = Math.Max(0, state.ScannedLength - (HeaderEnd.Length - 1));
        int searchable = Math.Min(buffered.Length, MaxMessageSize);
        int found = buffered[from..searchable].IndexOf(HeaderEnd);
        if (found < 0)
        {
            if (buffered.Length >= MaxMessageSize)
            {
                // The header block alone is larger than allowed: stop without waiting for the rest.
                return Fail(ref state, SipFramingError.MessageTooLarge);
            }

            state.ScannedLength = searchable;
            return SipFrameResult.NeedMoreData;
        }

        int headerLength = from + found + HeaderEnd.Length;
        var contentLength = ContentLengthReader.Read(buffered[..headerLength], out long bodyLength);
        if (contentLength != ContentLengthStatus.Found)
        {
            return Fail(ref state, SipFramingError.BadContentLength);
        }

        if (headerLength + bodyLength > MaxMessageSize)
        {
            return Fail(ref state, SipFramingError.MessageTooLarge);
        }

        state.ScannedLength = headerLength;
        state.MessageLength = headerLength + (int)bodyLength;
        return SipFrameResult.Message;
    }

    private static SipFrameResult Fail(ref SipFramerState state, SipFramingError error)
    {
        state = default;
        state.Error = error;
        return SipFrameResult.Error;
    }
}
