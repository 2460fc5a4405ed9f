using System.Net;
using System.Net.Sockets;

namespace Softswitch.Calls.Tests.Support;

/// <summary>Runs of UDP ports on 127.0.0.1 that nobody holds, for the switch's RTP port range.</summary>
internal static class FreeUdpPorts
{
    /// <summary>An even port starting <paramref name="count"/> ports that all bind right now.</summary>
    public static int FindRange(int count)
    {
        // Below Linux's ephemeral range, so the port-0 binds of the test phones never land inside.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = 21_000 + (2 * Random.Shared.Next(0, 4_000));
            if (Enumerable.Range(first, count).All(CanBind)) return first;
        }

        throw new InconclusiveException("No free UDP port range found on 127.0.0.1.");
    }

    private static bool CanBind(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
