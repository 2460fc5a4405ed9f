namespace Softswitch.Sip.Transport;

/// <summary>
/// Receives whole SIP messages from a transport. Called on the transport's receive loop:
/// <paramref name="message"/> is only valid during the call (the buffer is pooled and reused),
/// so the sink parses or copies it before returning and never blocks.
/// </summary>
public interface ISipMessageSink
{
    void OnMessageReceived(ReadOnlySpan<byte> message, SipEndPoint source, ISipTransport transport);

    /// <summary>A stream could not be framed (oversized message, bad Content-Length); the transport closes that connection after this call.</summary>
    void OnFramingError(SipFramingError error, SipEndPoint source, ISipTransport transport);
}
