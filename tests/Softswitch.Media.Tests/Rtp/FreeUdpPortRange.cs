using System.Net;
using System.Net.Sockets;

namespace Softswitch.Media.Tests.Rtp;

/// <summary>Finds a run of UDP ports on 127.0.0.1 that nobody holds, for tests that bind an RTP port range (also compiled into the Calls tests).</summary>
internal static class FreeUdpPortRange
{
    /// <summary>An even port starting <paramref name="count"/> ports that all bind on 127.0.0.1 right now.</summary>
    public static int Find(int count)
    {
        // Below Linux's ephemeral range, so port-0 binds of parallel tests do not land inside.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = 20_000 + (2 * Random.Shared.Next(0, 5_000));
            if (Enumerable.Range(first, count).All(CanBind))
            {
                return first;
            }
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
