using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>Where a response to a request goes: RFC 3261 §18.2.2 with RFC 3581 symmetric response routing.</summary>
public static class ResponseDestination
{
    public const int DefaultSipPort = 5060;

    public static SipEndPoint For(SipRequest request, SipEndPoint source)
    {
        // Reliable transports answer on the connection the request came in on (§18.2.2, first bullet).
        if (source.Transport != SipTransportKind.Udp) return source;

        // RFC 3581 §4: with rport the response goes back to the packet's source address and port, which is
        // what works behind NAT. Without it, §18.2.2: the source address (the "received" value) at the sent-by port.
        var via = request.TopVia;
        if (via is null || via.HasRPort) return source;
        return new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(source.Address.Address, via.Port ?? DefaultSipPort));
    }

    /// <summary>
    /// §18.2.2: where to open a new connection when the one a request came on has failed: the "received" address
    /// (the connection's remote address) at the Via sent-by port, or 5060. Not the rport: over TCP that is the
    /// dead connection's ephemeral port (RFC 3581 §4 applies rport to unreliable transports only). Null for UDP,
    /// whose responses already go to the only address there is.
    /// </summary>
    public static SipEndPoint? Reconnect(SipRequest request, SipEndPoint source)
    {
        if (source.Transport == SipTransportKind.Udp) return null;
        var port = request.TopVia?.Port ?? DefaultSipPort;
        return new SipEndPoint(source.Transport, new IPEndPoint(source.Address.Address, port));
    }
}
