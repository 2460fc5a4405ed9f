using System.Net;
using System.Net.Sockets;
using Softswitch.Configuration.Options;
using Softswitch.Sip.Transport;

namespace Softswitch.Hosting;

/// <summary>
/// Finds out, before the switch opens its log file or touches its database, whether its SIP ports can be bound.
/// A second instance started on a taken port then says so in one line and leaves the first instance's files alone.
/// </summary>
public static class SipPortCheck
{
    /// <summary>One line naming the port, transport and address that cannot be bound, or null when every one can.</summary>
    public static string? FindProblem(SipOptions sip)
    {
        ArgumentNullException.ThrowIfNull(sip);
        var transports = sip.EffectiveTransports
            .Select(t => t.Equals("tcp", StringComparison.OrdinalIgnoreCase) ? SipTransportKind.Tcp : SipTransportKind.Udp);
        if (SipListenSockets.FindUnbindable(new IPEndPoint(IPAddress.Parse(sip.Listen), sip.Port), transports) is not { } unbindable)
        {
            return null;
        }

        var where = $"sip.port {sip.Port}/{unbindable.Transport.ToString().ToLowerInvariant()} on {sip.Listen}";
        return unbindable.Error switch
        {
            SocketError.AddressAlreadyInUse => $"{where} is already in use",
            SocketError.AccessDenied => $"{where} cannot be bound: permission denied (a port below 1024 needs CAP_NET_BIND_SERVICE)",
            SocketError.AddressNotAvailable => $"{where} cannot be bound: {sip.Listen} is not an address of this machine",
            var other => $"{where} cannot be bound ({other})",
        };
    }
}
