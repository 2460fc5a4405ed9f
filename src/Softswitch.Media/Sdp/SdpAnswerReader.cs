namespace Softswitch.Media.Sdp;

/// <summary>
/// The offerer's side of RFC 3264 §7: checks an answer against the offer we sent and reads what it agreed.
/// An answer that breaks the rules (different m-line count or media, codecs that were not offered) is
/// reported, never trusted.
/// </summary>
public static class SdpAnswerReader
{
    /// <summary>Reads <paramref name="answer"/> as the reply to <paramref name="offer"/>.</summary>
    public static NegotiationResult Read(SessionDescription offer, SessionDescription answer, LocalMediaOptions options)
    {
        if (answer.Media.Count != offer.Media.Count)
        {
            return Invalid($"the answer has {answer.Media.Count} m-lines, the offer had {offer.Media.Count} (RFC 3264 §6)");
        }
        for (var i = 0; i < offer.Media.Count; i++)
        {
            if (!string.Equals(offer.Media[i].Media, answer.Media[i].Media, StringComparison.OrdinalIgnoreCase))
            {
                return Invalid($"m-line {i} is {answer.Media[i].Media} in the answer but {offer.Media[i].Media} in the offer");
            }
        }
        var index = offer.Media.FindIndex(m => string.Equals(m.Media, "audio", StringComparison.OrdinalIgnoreCase) && !m.IsRejected);
        if (index < 0)
        {
            return Invalid("the offer had no active audio stream");
        }
        var offered = offer.Media[index];
        var answered = answer.Media[index];
        if (answered.IsRejected)
        {
            return NegotiationResult.Failed(NegotiationStatus.NotAcceptable, "the peer rejected the audio stream (port 0)");
        }
        if (!string.Equals(offered.Protocol, answered.Protocol, StringComparison.OrdinalIgnoreCase))
        {
            return Invalid($"the answer changed the transport from {offered.Protocol} to {answered.Protocol}");
        }
        if (!TryReadFormats(offered, answered, out var formats, out var error))
        {
            return Invalid(error);
        }
        var codec = formats.FirstOrDefault(f => !f.IsTelephoneEvent && !f.IsComfortNoise);
        if (codec is null)
        {
            return NegotiationResult.Failed(NegotiationStatus.NotAcceptable, "the answer has no audio codec");
        }
        var rtcpMux = options.RtcpMux && offered.RtcpMux && answered.RtcpMux;
        if (!RemoteStream.TryRead(answer, answered, rtcpMux, out var remote, out error))
        {
            return Invalid(error);
        }
        var ours = offer.GetEffectiveDirection(offered);
        var local = SdpMediaDirections.FromFlags(
            ours.Sends() && remote.Direction.Receives(), ours.Receives() && remote.Direction.Sends());
        return new NegotiationResult
        {
            Status = NegotiationStatus.Accepted,
            MediaIndex = index,
            Codec = codec,
            TelephoneEvent = formats.FirstOrDefault(f => f.IsTelephoneEvent),
            RemoteRtpAddress = remote.Address,
            RemoteRtpPort = remote.RtpPort,
            RemoteRtcpAddress = remote.RtcpAddress,
            RemoteRtcpPort = remote.RtcpPort,
            RtcpMux = rtcpMux,
            Ptime = answered.Ptime ?? offered.Ptime ?? options.Ptime,
            LocalDirection = local,
            RemoteDirection = remote.Direction,
            // We offered to send and the peer declined to receive: it holds the call.
            RemoteHold = ours.Sends() && !remote.Direction.Receives(),
        };
    }

    /// <summary>
    /// Resolves each answered payload type and checks it names a codec we offered (RFC 3264 §6.1).
    /// An answer may omit the rtpmap of a payload type we offered; our mapping then applies.
    /// </summary>
    private static bool TryReadFormats(MediaDescription offered, MediaDescription answered,
        out List<MediaFormat> formats, out string error)
    {
        formats = [];
        var offeredFormats = offered.GetMediaFormats();
        foreach (var text in answered.Formats)
        {
            if (!answered.TryResolve(text, out var format))
            {
                if (!offered.TryResolve(text, out var ours))
                {
                    error = $"the answer lists payload type {text}, which was not offered";
                    return false;
                }
                format = ours with { Fmtp = SdpNumbers.TryParsePayloadType(text, out var pt) ? answered.GetFmtp(pt) : null };
            }
            if (!offeredFormats.Any(f => f.IsSameCodecAs(format)))
            {
                error = $"the answer contains codec {format}, which was not offered (RFC 3264 §6.1)";
                return false;
            }
            formats.Add(format);
        }
        error = "";
        return true;
    }

    private static NegotiationResult Invalid(string error) =>
        NegotiationResult.Failed(NegotiationStatus.InvalidDescription, error);
}
