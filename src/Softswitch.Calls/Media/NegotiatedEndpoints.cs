using System.Net;
using Softswitch.Media.Sdp;

namespace Softswitch.Calls.Media;

/// <summary>Where the peer wants its media, from a negotiated answer: null when the SDP gave no usable address or port.</summary>
public static class NegotiatedEndpoints
{
    public static IPEndPoint? Rtp(NegotiationResult negotiated) =>
        IPAddress.TryParse(negotiated.RemoteRtpAddress, out var address) && negotiated.RemoteRtpPort > 0
            ? new IPEndPoint(address, negotiated.RemoteRtpPort)
            : null;

    /// <summary>The a=rtcp address and port, else the RTP address with the port the SDP implies.</summary>
    public static IPEndPoint? Rtcp(NegotiationResult negotiated) =>
        IPAddress.TryParse(negotiated.RemoteRtcpAddress ?? negotiated.RemoteRtpAddress, out var address) && negotiated.RemoteRtcpPort > 0
            ? new IPEndPoint(address, negotiated.RemoteRtcpPort)
            : null;
}
