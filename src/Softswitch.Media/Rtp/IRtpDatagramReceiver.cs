using System.Net;

namespace Softswitch.Media.Rtp;

/// <summary>What a bound port pair hands each datagram to while a call holds it (the call's <see cref="RtpEndpoint"/>).</summary>
internal interface IRtpDatagramReceiver
{
    void OnRtpDatagram(ReadOnlySpan<byte> datagram, SocketAddress from);

    void OnRtcpDatagram(ReadOnlySpan<byte> datagram, SocketAddress from);
}
