using System.Net;

namespace Softswitch.Media.Rtp;

/// <summary>Settings of one <see cref="RtpEndpoint"/>.</summary>
public sealed class RtpEndpointOptions
{
    /// <summary>The remote RTP address from SDP; null until known (the first latched source is used).</summary>
    public IPEndPoint? RemoteRtp { get; init; }

    /// <summary>The remote RTCP address; defaults to the RTP port + 1 (RFC 3550 §11).</summary>
    public IPEndPoint? RemoteRtcp { get; init; }

    /// <summary>Consecutive packets with one SSRC a new address must send before media follows it.</summary>
    public int LatchAfterPackets { get; init; } = 3;

    /// <summary>Size of each receive buffer; larger datagrams are truncated (audio RTP stays far below).</summary>
    public int ReceiveBufferSize { get; init; } = 2048;
}
