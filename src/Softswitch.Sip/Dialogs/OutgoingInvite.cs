using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// What an <see cref="InviteClientSession"/> sends (RFC 3261 §8.1.1, §13.2.1): where to, as whom, and the SDP offer.
/// The stack resolves no names, so <see cref="Destination"/> is the address to send to (for a registered phone the
/// address its REGISTER came from, which works behind NAT), while <see cref="Target"/> is the Request-URI (its Contact).
/// </summary>
public sealed record OutgoingInvite
{
    /// <summary>The Request-URI: the callee's contact.</summary>
    public required SipUri Target { get; init; }

    /// <summary>The transport and address the INVITE and the rest of the dialog's requests go to.</summary>
    public required SipEndPoint Destination { get; init; }

    /// <summary>The caller as the callee sees it; a tag in it is replaced by a fresh one of ours.</summary>
    public required NameAddress From { get; init; }

    /// <summary>The callee's address of record; <see cref="Target"/> when null. Any tag in it is dropped.</summary>
    public NameAddress? To { get; init; }

    /// <summary>The SDP offer; empty for a late offer (the 2xx then carries the offer and our ACK the answer, RFC 3264 §5).</summary>
    public ReadOnlyMemory<byte> SdpOffer { get; init; }

    /// <summary>The user part of our Contact; the From user when null.</summary>
    public string? ContactUser { get; init; }

    /// <summary>Extra headers for the INVITE (e.g. Alert-Info, P-Asserted-Identity), written as given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// When set, a 401 or 407 challenge is answered once by sending the INVITE again with digest credentials
    /// (§22.2, §22.3); when null the challenge ends the session as any other failure.
    /// </summary>
    public DigestLogin? Credentials { get; init; }
}
