using System.Net;
using System.Net.Sockets;

namespace Softswitch.Interop.Tests.Support;

/// <summary>Finds a loopback port that is free for both UDP and TCP (the switch listens on both).</summary>
public static class FreePort
{
    public static int ForUdpAndTcp()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            try
            {
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken for TCP: try another.
            }
        }
        throw new InvalidOperationException("no free UDP+TCP port on 127.0.0.1");
    }

    /// <summary>A free UDP port for a peer (sipp, sipsak). sipsak mangles 5-digit ports, so ask for 4 digits when needed.</summary>
    public static int ForUdp(bool fourDigits = false)
    {
        if (!fourDigits)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)udp.LocalEndPoint!).Port;
        }
        for (var port = 2000 + Random.Shared.Next(7000); ; port = 2000 + Random.Shared.Next(7000))
        {
            try
            {
                using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
