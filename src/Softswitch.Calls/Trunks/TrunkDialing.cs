using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>
/// What an outbound call over a trunk sends (for <see cref="OutgoingInvite"/>): the dialled number at the carrier's
/// domain, the caller ID in From and P-Asserted-Identity (RFC 3325), the trunk's digest login for a 401/407, and a
/// loose Route to the outbound proxy when there is one.
/// </summary>
public static class TrunkDialing
{
    /// <summary>
    /// The INVITE for <paramref name="number"/> over <paramref name="trunk"/> to <paramref name="destination"/> (one of
    /// <see cref="TrunkService.LocateAsync"/>'s targets). <paramref name="callerNumber"/> is the extension's own outside
    /// number, if any; else the trunk's caller_id, else its username is presented.
    /// </summary>
    public static OutgoingInvite CreateInvite(TrunkState trunk, string number, SipEndPoint destination, ReadOnlyMemory<byte> sdpOffer,
        string? callerNumber = null, string? callerName = null)
    {
        var settings = trunk.Settings;
        var presented = CallerId(settings, callerNumber);
        var identity = SipUri.Sip(presented, settings.Domain);
        var target = SipUri.Sip(number, settings.Domain, settings.Port != 0 && string.IsNullOrWhiteSpace(settings.FromDomain) ? settings.Port : null);
        if (settings.Transport == SipTransportKind.Tcp) target = target.WithParameter("transport", "tcp");
        var headers = new List<KeyValuePair<string, string>> { new("P-Asserted-Identity", new NameAddress(identity, callerName).ToString()) };
        if (TrunkRequests.ProxyRoute(settings) is { } route) headers.Add(new("Route", route.ToString()));
        return new OutgoingInvite
        {
            Target = target,
            Destination = destination,
            From = new NameAddress(identity, callerName),
            To = new NameAddress(SipUri.Sip(number, settings.Domain)),
            SdpOffer = sdpOffer,
            ContactUser = presented,
            Headers = headers,
            Credentials = string.IsNullOrEmpty(settings.Password) ? null : settings.Login,
        };
    }

    /// <summary>
    /// The number presented: the extension's outside number, else the trunk's caller_id, else its username, else
    /// <c>anonymous</c> (RFC 3323 §4.1.1.3): an IP-authenticated trunk with none of them would otherwise send a From
    /// without a user, which no carrier (nor our own parser) accepts.
    /// </summary>
    public static string CallerId(TrunkSettings trunk, string? callerNumber) =>
        !string.IsNullOrWhiteSpace(callerNumber) ? callerNumber
        : !string.IsNullOrWhiteSpace(trunk.CallerId) ? trunk.CallerId
        : !string.IsNullOrWhiteSpace(trunk.Username) ? trunk.Username
        : Anonymous;

    /// <summary>The user part presented when there is no number to present.</summary>
    public const string Anonymous = "anonymous";
}
