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

        return Describe(sip, $"/{unbindable.Transport.ToString().ToLowerInvariant()}", unbindable.Error);
    }

    /// <summary>
    /// The same line for a bind that failed once the host was starting (a port taken between the check and the bind):
    /// null when <paramref name="error"/> is not a failed bind, so the caller reports it as it is.
    /// </summary>
    public static string? Describe(SipOptions sip, Exception error)
    {
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse or SocketError.AccessDenied or SocketError.AddressNotAvailable } bind)
            {
                return Describe(sip, "", bind.SocketErrorCode);
            }
        }

        return null;
    }

    private static string Describe(SipOptions sip, string transport, SocketError error)
    {
        var where = $"sip.port {sip.Port}{transport} on {sip.Listen}";
        return error switch
        {
            SocketError.AddressAlreadyInUse => $"{where} is already in use",
            SocketError.AccessDenied => $"{where} cannot be bound: permission denied (a port below 1024 needs CAP_NET_BIND_SERVICE)",
            SocketError.AddressNotAvailable => $"{where} cannot be bound: {sip.Listen} is not an address of this machine",
            var other => $"{where} cannot be bound ({other})",
        };
    }
}
