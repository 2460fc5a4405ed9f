using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Transport;

/// <summary>Small socket helpers shared by the transports.</summary>
internal static class SocketAddressExtensions
{
    /// <summary>
    /// A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; map them back so one peer has one key
    /// and one spelling in logs, whichever way the address arrived.
    /// </summary>
    public static IPEndPoint Normalize(this IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6
            ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port)
            : endPoint;

    /// <summary>Binds <paramref name="socket"/>, going dual-stack when asked for the IPv6 wildcard.</summary>
    public static void BindListening(this Socket socket, IPEndPoint endPoint)
    {
        if (endPoint.Address.Equals(IPAddress.IPv6Any))
        {
            socket.DualMode = true;
        }

        socket.Bind(endPoint);
    }
}
