using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Softswitch.Media.Rtp;

/// <summary>
/// An RTP/RTCP socket pair that stays bound and watched from the first call that needs it until the switch stops.
/// Calls borrow it through <see cref="RtpPortPair"/>: opening, binding, registering with the poller and closing four
/// sockets per bridged call, and the cancelled receive each close threw, cost more CPU than anything else in a call's
/// set-up. Between calls a datagram finds no receiver and is dropped. On Linux an <see cref="RtpPoller"/> reads the
/// sockets (<see cref="ReceiveOne"/>); elsewhere each socket has a receive loop of its own.
/// </summary>
internal sealed class BoundPortPair
{
    public const int RtpBufferSize = 2048;

    /// <summary>An Ethernet MTU's worth of RTCP; a compound report larger than this would be fragmented anyway.</summary>
    public const int RtcpBufferSize = 1500;

    // Delivery happens under the gate, so Detach returning means no datagram is being handed to the old receiver.
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private IRtpDatagramReceiver? _receiver;
    private Task _loops = Task.CompletedTask;

    public BoundPortPair(Socket rtpSocket, Socket rtcpSocket, ILogger logger)
    {
        RtpSocket = rtpSocket;
        RtcpSocket = rtcpSocket;
        RtpEndPoint = (IPEndPoint)rtpSocket.LocalEndPoint!;
        RtcpEndPoint = (IPEndPoint)rtcpSocket.LocalEndPoint!;
        _logger = logger;
    }

    public Socket RtpSocket { get; }

    public Socket RtcpSocket { get; }

    public IPEndPoint RtpEndPoint { get; }

    public IPEndPoint RtcpEndPoint { get; }

    /// <summary>Starts receiving until <see cref="Close"/>: through <paramref name="poller"/>, else with two receive loops.</summary>
    public void StartReceiving(RtpPoller? poller)
    {
        if (poller is not null) poller.Add(this);
        else _loops = Task.WhenAll(ReceiveLoopAsync(RtpSocket, isRtcp: false), ReceiveLoopAsync(RtcpSocket, isRtcp: true));
    }

    /// <summary>
    /// The poller saw a datagram waiting on one socket: reads it into <paramref name="buffer"/> and hands it over.
    /// The sockets are non-blocking, so a readiness that went stale reads nothing.
    /// </summary>
    public void ReceiveOne(bool isRtcp, byte[] buffer, SocketAddress from)
    {
        var socket = isRtcp ? RtcpSocket : RtpSocket;
        int received;
        try
        {
            received = socket.ReceiveFrom(buffer, SocketFlags.None, from);
        }
        catch (ObjectDisposedException)
        {
            return;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.WouldBlock)
        {
            return;
        }
        catch (SocketException exception)
        {
            // ICMP port unreachable from an earlier send and the like: not this socket's end.
            RtpLog.ReceiveFailed(_logger, RtpEndPoint.Port, exception.SocketErrorCode);
            return;
        }

        Deliver(buffer.AsSpan(0, received), from, isRtcp);
    }

    /// <summary>From now on datagrams go to <paramref name="receiver"/>.</summary>
    public void Attach(IRtpDatagramReceiver receiver)
    {
        lock (_gate) _receiver = receiver;
    }

    /// <summary>Stops delivering to <paramref name="receiver"/>; when this returns no delivery to it is in progress.</summary>
    public void Detach(IRtpDatagramReceiver receiver)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_receiver, receiver)) _receiver = null;
        }
    }

    /// <summary>Stops delivering to whoever held the pair (it went back to the pool).</summary>
    public void DetachAll()
    {
        lock (_gate) _receiver = null;
    }

    /// <summary>Closes both sockets; the loops leave on their next completion.</summary>
    public void Close()
    {
        RtpSocket.Dispose();
        RtcpSocket.Dispose();
    }

    /// <summary>Both loops where there are loops (not on Linux), ended once the sockets are closed.</summary>
    public Task Loops => _loops;

    private async Task ReceiveLoopAsync(Socket socket, bool isRtcp)
    {
        // Let the allocation return before a receive completes inline.
        await Task.Yield();
        // The buffer has a receive pending on it for the switch's lifetime: the pinned heap keeps it from fragmenting
        // the young generations.
        var buffer = GC.AllocateUninitializedArray<byte>(isRtcp ? RtcpBufferSize : RtpBufferSize, pinned: true);
        var from = new SocketAddress(socket.AddressFamily, SocketAddress.GetMaximumAddressSize(socket.AddressFamily));
        while (true)
        {
            int received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted
                                                        or SocketError.NotSocket or SocketError.Shutdown)
            {
                return;
            }
            catch (SocketException exception)
            {
                // ICMP port unreachable from an earlier send and the like: not this socket's end.
                RtpLog.ReceiveFailed(_logger, RtpEndPoint.Port, exception.SocketErrorCode);
                continue;
            }

            Deliver(buffer.AsSpan(0, received), from, isRtcp);
        }
    }

    private void Deliver(ReadOnlySpan<byte> datagram, SocketAddress from, bool isRtcp)
    {
        lock (_gate)
        {
            if (_receiver is not { } receiver) return;
            try
            {
                if (isRtcp) receiver.OnRtcpDatagram(datagram, from);
                else receiver.OnRtpDatagram(datagram, from);
            }
            catch (Exception exception)
            {
                // The loop outlives this call: a faulty receiver must not end it for the calls after.
                RtpLog.SinkFailed(_logger, RtpEndPoint.Port, exception);
            }
        }
    }
}
