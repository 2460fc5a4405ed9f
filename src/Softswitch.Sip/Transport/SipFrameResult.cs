namespace Softswitch.Sip.Transport;

/// <summary>What <see cref="SipStreamFramer.TryRead"/> found at the start of the buffered bytes.</summary>
public enum SipFrameResult
{
    /// <summary>No complete frame yet: append more bytes and call again with the same state.</summary>
    NeedMoreData,

    /// <summary>A whole SIP message (headers and body) of the returned length.</summary>
    Message,

    /// <summary>A CRLFCRLF keep-alive ping (RFC 5626 §4.4.1): answer with a CRLF pong.</summary>
    KeepAlivePing,

    /// <summary>
    /// A CRLF to drop: a stray line break before a start-line (RFC 3261 §7.5) or a keep-alive pong.
    /// </summary>
    Skip,

    /// <summary>The stream cannot be framed; see <see cref="SipFramerState.Error"/>. Close the connection.</summary>
    Error,
}
