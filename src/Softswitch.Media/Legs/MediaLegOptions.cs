using System.Net;
using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;

namespace Softswitch.Media.Legs;

/// <summary>What one <see cref="MediaLeg"/> needs from the call: its ports and what the offer/answer settled.</summary>
public sealed record MediaLegOptions
{
    /// <summary>The bound RTP/RTCP ports named in our SDP; the caller keeps owning (and disposes) them.</summary>
    public required RtpPortPair Ports { get; init; }

    /// <summary>The negotiated audio format (payload type, encoding, clock rate).</summary>
    public required MediaFormat Codec { get; init; }

    /// <summary>The negotiated RFC 4733 telephone-event payload type, or null when the far end offered none.</summary>
    public int? TelephoneEventPayloadType { get; init; }

    /// <summary>RTP clock rate of telephone-event from its rtpmap (8000 unless the SDP said e.g. <c>telephone-event/48000</c>).</summary>
    public int TelephoneEventClockRate { get; init; } = 8000;

    /// <summary>The far end's RTP address from SDP; null until known (then the first source heard is latched).</summary>
    public IPEndPoint? RemoteRtp { get; init; }

    /// <summary>The far end's RTCP address (<c>a=rtcp</c>); null means RTP port + 1.</summary>
    public IPEndPoint? RemoteRtcp { get; init; }

    /// <summary>Strict latching: how long the far end must be silent before another source may take its place (see <see cref="Rtp.RtpSourceLatch"/>).</summary>
    public TimeSpan RelatchAfter { get; init; } = RtpEndpointOptions.DefaultRelatchAfter;

    /// <summary>Where the call's SIP came from; until the far end is heard, media is learnt only from this host or the SDP's.</summary>
    public IPAddress? SignallingHost { get; init; }

    /// <summary>The SIP Call-ID, carried in every log line about this leg.</summary>
    public required string CallId { get; init; }

    /// <summary>Decode the far end's audio to look for DTMF tones (phones that send no RFC 4733). Costs a decode per packet.</summary>
    public bool DetectInBandDtmf { get; init; } = true;
}
