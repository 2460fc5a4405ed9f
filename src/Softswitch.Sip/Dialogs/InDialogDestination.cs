using System.Net;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// Where a request we send in a dialog goes. The stack resolves no names, and phones behind NAT put private
/// addresses in Contact, so by default the request follows the flow the INVITE arrived on (the source address,
/// or the same TCP connection), as symmetric signalling (RFC 3581, RFC 5626's flows) expects. A route set whose
/// first hop is another IP address (a proxy that Record-Routed) sends the request there instead (§12.2.1.1).
/// </summary>
internal static class InDialogDestination
{
    public static SipEndPoint For(Dialog dialog, SipEndPoint flow)
    {
        if (dialog.RouteSet.Count == 0) return flow;
        var firstHop = dialog.RouteSet[0].Uri;
        var host = firstHop.Host.Length > 2 && firstHop.Host[0] == '[' ? firstHop.Host[1..^1] : firstHop.Host;
        if (!IPAddress.TryParse(host, out var address)) return flow;
        if (address.Equals(flow.Address.Address.IsIPv4MappedToIPv6 ? flow.Address.Address.MapToIPv4() : flow.Address.Address))
        {
            return flow; // the proxy that sent us the INVITE: keep its NAT binding or TCP connection
        }

        var transport = firstHop.Transport?.ToLowerInvariant() switch
        {
            "tcp" => SipTransportKind.Tcp,
            "udp" => SipTransportKind.Udp,
            _ => flow.Transport,
        };
        return new SipEndPoint(transport, new IPEndPoint(address, firstHop.Port ?? ResponseDestination.DefaultSipPort));
    }
}
