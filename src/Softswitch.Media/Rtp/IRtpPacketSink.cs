using System.Net;

namespace Softswitch.Media.Rtp;

/// <summary>
/// Receives the datagrams of an <see cref="RtpEndpoint"/>, on its receive loop. The spans and the
/// address are reused for the next datagram: copy what must outlive the call, and do not block.
/// </summary>
public interface IRtpPacketSink
{
    /// <summary>An RTP packet whose header parsed, from the current (possibly just latched) remote.</summary>
    void OnRtp(ReadOnlySpan<byte> packet, SocketAddress from);

    /// <summary>An RTCP compound packet from the remote.</summary>
    void OnRtcp(ReadOnlySpan<byte> packet, SocketAddress from);
}
