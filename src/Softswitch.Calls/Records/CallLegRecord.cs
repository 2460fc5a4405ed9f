using Softswitch.Media.Legs;

namespace Softswitch.Calls.Records;

/// <summary>One leg's media at the end of a call, for the call's record.</summary>
/// <param name="CallId">The leg's SIP Call-ID.</param>
/// <param name="Codec">The negotiated codec's encoding name (<c>PCMU</c>, <c>PCMA</c>, <c>opus</c>).</param>
/// <param name="RemoteMedia">Where the leg's RTP went (the latched address, else the SDP's), <c>host:port</c>; empty when unknown.</param>
/// <param name="PacketsLost">Packets lost from the peer's stream (RFC 3550 A.3, never negative).</param>
/// <param name="JitterMs">Interarrival jitter of the peer's stream (RFC 3550 A.8), in milliseconds.</param>
/// <param name="PeerReportedLost">What the peer's last RTCP report said it lost of our stream; null without a report.</param>
public sealed record CallLegRecord(
    string CallId,
    string Codec,
    string RemoteMedia,
    long PacketsSent,
    long PacketsReceived,
    long PacketsLost,
    double JitterMs,
    long? PeerReportedLost)
{
    /// <summary>The counters of <paramref name="leg"/> as they stand; read before the leg is disposed.</summary>
    public static CallLegRecord From(MediaLeg leg)
    {
        var rtcp = leg.Rtcp;
        return new CallLegRecord(leg.CallId, leg.Codec.EncodingName, leg.RemoteRtpEndPoint?.ToString() ?? "", leg.PacketsSent,
            leg.PacketsReceived, rtcp.PacketsLost, rtcp.Jitter.TotalMilliseconds, rtcp.PeerReport?.CumulativeLost);
    }
}
