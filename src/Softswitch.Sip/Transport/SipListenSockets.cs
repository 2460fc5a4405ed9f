using System.Net;
using System.Net.Sockets;

namespace Softswitch.Sip.Transport;

/// <summary>
/// Opens the sockets the transports listen on, the one way both the transports and a start-up check bind them:
/// a host can find out that a port is taken before it opens its log file (and then say so in one line).
/// </summary>
public static class SipListenSockets
{
    /// <summary>A UDP socket bound to <paramref name="endPoint"/>; throws <see cref="SocketException"/> when it cannot be bound.</summary>
    public static Socket BindUdp(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.BindListening(endPoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A TCP socket bound to <paramref name="endPoint"/> and listening; throws <see cref="SocketException"/> when it cannot be bound.</summary>
    public static Socket ListenTcp(IPEndPoint endPoint, int backlog)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // Lets a restarted switch bind while old connections linger in TIME_WAIT (on Windows this flag means port sharing instead).
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.BindListening(endPoint);
            socket.Listen(backlog);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Binds and releases the listening socket of each of <paramref name="transports"/>; the first that cannot be bound
    /// is returned with the reason, or null when all can. A check before start-up, not a reservation: the ports are free again after.
    /// </summary>
    public static (SipTransportKind Transport, SocketError Error)? FindUnbindable(IPEndPoint endPoint, IEnumerable<SipTransportKind> transports)
    {
        ArgumentNullException.ThrowIfNull(transports);
        foreach (var transport in transports.Distinct())
        {
            try
            {
                using var socket = transport == SipTransportKind.Tcp ? ListenTcp(endPoint, 1) : BindUdp(endPoint);
            }
            catch (SocketException exception)
            {
                return (transport, exception.SocketErrorCode);
            }
        }

        return null;
    }
}
