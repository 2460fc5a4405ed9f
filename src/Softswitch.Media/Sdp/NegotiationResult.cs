namespace Softswitch.Media.Sdp;

/// <summary>
/// What an offer/answer exchange agreed for the call's audio stream: the codec to send, DTMF payload type,
/// where to send RTP and RTCP, packet time and directions. On failure, the reason and the SIP status to use.
/// </summary>
public sealed record NegotiationResult
{
    public required NegotiationStatus Status { get; init; }

    public bool IsAccepted => Status == NegotiationStatus.Accepted;

    /// <summary>Why negotiation failed; null when accepted.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// The SIP status to reject an offer with: 488 Not Acceptable Here (RFC 3261 §21.4.26) or 400 for a broken
    /// description; null when accepted.
    /// </summary>
    public int? RejectStatusCode => Status switch
    {
        NegotiationStatus.NotAcceptable => 488,
        NegotiationStatus.InvalidDescription => 400,
        _ => null,
    };

    /// <summary>Our answer, when this result came from receiving an offer.</summary>
    public SessionDescription? Answer { get; init; }

    /// <summary>Index of the audio m-line in the offer.</summary>
    public int MediaIndex { get; init; }

    /// <summary>The codec to send with: the peer's payload type number and the fmtp it wants to receive.</summary>
    public MediaFormat? Codec { get; init; }

    /// <summary>The peer's RFC 4733 telephone-event format, or null when DTMF events were not agreed.</summary>
    public MediaFormat? TelephoneEvent { get; init; }

    /// <summary>The telephone-event payload type to send DTMF with, or null.</summary>
    public int? TelephoneEventPayloadType => TelephoneEvent?.PayloadType;

    /// <summary>Where to send RTP (the peer's <c>c=</c> address, which may be 0.0.0.0 when it holds the call).</summary>
    public string? RemoteRtpAddress { get; init; }

    public int RemoteRtpPort { get; init; }

    /// <summary>Where to send RTCP: <c>a=rtcp</c> (RFC 3605) if given, else the RTP address.</summary>
    public string? RemoteRtcpAddress { get; init; }

    /// <summary>RTCP port: <c>a=rtcp</c>, the RTP port under rtcp-mux, else RTP port + 1.</summary>
    public int RemoteRtcpPort { get; init; }

    /// <summary>True when both sides agreed on rtcp-mux (RFC 5761).</summary>
    public bool RtcpMux { get; init; }

    /// <summary>Packet time to send with, in milliseconds.</summary>
    public int Ptime { get; init; }

    /// <summary>Our direction for the stream: whether we send and receive.</summary>
    public SdpMediaDirection LocalDirection { get; init; }

    /// <summary>The peer's direction as it described it (c=0.0.0.0 counts as "does not receive").</summary>
    public SdpMediaDirection RemoteDirection { get; init; }

    /// <summary>True when the peer put us on hold: sendonly, inactive or c=0.0.0.0 (RFC 3264 §8.4).</summary>
    public bool RemoteHold { get; init; }

    /// <summary>Whether we should send RTP.</summary>
    public bool CanSend => IsAccepted && LocalDirection.Sends();

    /// <summary>Whether we should expect RTP.</summary>
    public bool CanReceive => IsAccepted && LocalDirection.Receives();

    internal static NegotiationResult Failed(NegotiationStatus status, string error) =>
        new() { Status = status, Error = error };

    /// <summary>A one-line summary for logs.</summary>
    public override string ToString() => IsAccepted
        ? $"{Codec} te={TelephoneEventPayloadType?.ToString() ?? "none"} -> {RemoteRtpAddress}:{RemoteRtpPort} {LocalDirection}"
        : $"{Status}: {Error}";
}
