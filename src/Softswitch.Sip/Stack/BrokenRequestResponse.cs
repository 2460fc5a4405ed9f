using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Stack;

/// <summary>
/// The stateless answer to a request the parser rejected (RFC 3261 §8.2, §16.3; RFC 4475 expectations):
/// the parser's status code with whatever of Via, From, To, Call-ID and CSeq could be read.
/// Without a readable Via there is nowhere to send it.
/// </summary>
internal static class BrokenRequestResponse
{
    public static byte[]? Create(SipParseError error, SipEndPoint source)
    {
        if (!error.IsRequest || error.Vias.Count == 0) return null;
        var builder = error.CanRespond
            ? SipResponseBuilder.For(error)
            : SipResponseBuilder.For(Completed(error));
        return builder.WithReceivedFrom(source.Address).AddHeader("Server", SipServer.Name).ToBytes();
    }

    /// <summary>Where it goes: as for any response (§18.2.2), judged from the top Via text.</summary>
    public static SipEndPoint Destination(SipParseError error, SipEndPoint source)
    {
        if (source.Transport != SipTransportKind.Udp || error.Vias.Count == 0) return source;
        if (!ViaHeader.TryParse(error.Vias[0], out var via) || via!.HasRPort) return source;
        return new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(source.Address.Address, via.Port ?? ResponseDestination.DefaultSipPort));
    }

    /// <summary>Fills what the broken request lacked with harmless placeholders so the peer still hears why.</summary>
    private static SipParseError Completed(SipParseError error) => new(error.Reason, error.StatusCode, error.IsRequest)
    {
        Vias = error.Vias,
        From = error.From ?? "<sip:invalid@invalid>;tag=0",
        To = error.To ?? "<sip:invalid@invalid>",
        CallId = error.CallId ?? "invalid",
        CSeq = error.CSeq ?? "0 INVALID",
    };
}
