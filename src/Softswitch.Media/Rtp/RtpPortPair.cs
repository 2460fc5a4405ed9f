using System.Net;
using System.Net.Sockets;

namespace Softswitch.Media.Rtp;

/// <summary>
/// An even RTP port and the odd RTCP port above it (RFC 3550 §11), both bound. Disposing closes the
/// sockets and hands the pair back to its <see cref="RtpPortAllocator"/>.
/// </summary>
public sealed class RtpPortPair : IDisposable
{
    private readonly RtpPortAllocator _owner;
    private int _disposed;

    internal RtpPortPair(RtpPortAllocator owner, Socket rtpSocket, Socket rtcpSocket)
    {
        _owner = owner;
        RtpSocket = rtpSocket;
        RtcpSocket = rtcpSocket;
        RtpEndPoint = (IPEndPoint)rtpSocket.LocalEndPoint!;
        RtcpEndPoint = (IPEndPoint)rtcpSocket.LocalEndPoint!;
    }

    /// <summary>The bound RTP socket.</summary>
    public Socket RtpSocket { get; }

    /// <summary>The bound RTCP socket.</summary>
    public Socket RtcpSocket { get; }

    /// <summary>Local RTP address and port (even).</summary>
    public IPEndPoint RtpEndPoint { get; }

    /// <summary>Local RTCP address and port (RTP port + 1).</summary>
    public IPEndPoint RtcpEndPoint { get; }

    /// <summary>The RTP port, as written in the SDP m= line.</summary>
    public int RtpPort => RtpEndPoint.Port;

    /// <summary>The RTCP port.</summary>
    public int RtcpPort => RtcpEndPoint.Port;

    /// <summary>True once released.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Closes both sockets and returns the pair to the pool (once).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        RtpSocket.Dispose();
        RtcpSocket.Dispose();
        _owner.Release(RtpPort);
    }
}
