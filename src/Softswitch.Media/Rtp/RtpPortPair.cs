using System.Net;
using System.Net.Sockets;

namespace Softswitch.Media.Rtp;

/// <summary>
/// A call's hold on an even RTP port and the odd RTCP port above it (RFC 3550 §11), both bound. Disposing hands the
/// pair back to its <see cref="RtpPortAllocator"/>, which keeps the sockets bound for a later call.
/// </summary>
public sealed class RtpPortPair : IDisposable
{
    private readonly RtpPortAllocator _owner;
    private readonly BoundPortPair _bound;
    private int _disposed;

    internal RtpPortPair(RtpPortAllocator owner, BoundPortPair bound)
    {
        _owner = owner;
        _bound = bound;
    }

    /// <summary>The bound RTP socket.</summary>
    public Socket RtpSocket => _bound.RtpSocket;

    /// <summary>The bound RTCP socket.</summary>
    public Socket RtcpSocket => _bound.RtcpSocket;

    /// <summary>Local RTP address and port (even).</summary>
    public IPEndPoint RtpEndPoint => _bound.RtpEndPoint;

    /// <summary>Local RTCP address and port (RTP port + 1).</summary>
    public IPEndPoint RtcpEndPoint => _bound.RtcpEndPoint;

    /// <summary>The RTP port, as written in the SDP m= line.</summary>
    public int RtpPort => RtpEndPoint.Port;

    /// <summary>The RTCP port.</summary>
    public int RtcpPort => RtcpEndPoint.Port;

    /// <summary>True once released.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    internal void Attach(IRtpDatagramReceiver receiver)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        _bound.Attach(receiver);
    }

    internal void Detach(IRtpDatagramReceiver receiver) => _bound.Detach(receiver);

    /// <summary>Returns the pair to the pool (once); a receiver still attached hears nothing more.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _bound.DetachAll();
        _owner.Release(RtpPort);
    }
}
