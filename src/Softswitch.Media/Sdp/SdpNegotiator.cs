using System.Globalization;

namespace Softswitch.Media.Sdp;

/// <summary>
/// The answerer's rules of RFC 3264 §6, as pure functions: one answer m-line per offered m-line in the same
/// order; the first usable audio stream is accepted with one codec (plus telephone-event), everything else
/// is rejected with port 0. <see cref="OfferAnswerSession"/> wraps this in the state machine.
/// </summary>
public static class SdpNegotiator
{
    /// <summary>
    /// Answers an offer. <paramref name="localHold"/> makes us send-only (or inactive) whatever the offer says.
    /// The answer carries <paramref name="origin"/> as its <c>o=</c> line.
    /// </summary>
    public static NegotiationResult AnswerOffer(SessionDescription offer, LocalMediaOptions options, bool localHold, SdpOrigin origin)
    {
        var answer = new SessionDescription(origin, options.SessionName) { Connection = SdpConnection.ForAddress(options.Address) };
        answer.Timings.Add(new SdpTiming(0, 0));
        NegotiationResult? accepted = null;
        string? reason = null;
        for (var index = 0; index < offer.Media.Count; index++)
        {
            var offered = offer.Media[index];
            if (accepted is null && IsCandidateAudio(offered, options, ref reason))
            {
                var result = TryAcceptAudio(offer, offered, index, options, localHold, out var answered);
                if (result.Status == NegotiationStatus.InvalidDescription)
                {
                    return result;
                }
                if (result.IsAccepted)
                {
                    accepted = result;
                    answer.Media.Add(answered!);
                    continue;
                }
                reason = result.Error;
            }
            answer.Media.Add(Rejected(offered));
        }
        if (accepted is null)
        {
            return NegotiationResult.Failed(NegotiationStatus.NotAcceptable, reason ?? "the offer has no audio stream");
        }
        return accepted with { Answer = answer };
    }

    /// <summary>The rejected form of an offered stream: same media, protocol and formats, port 0 (RFC 3264 §6).</summary>
    public static MediaDescription Rejected(MediaDescription offered)
    {
        var rejected = new MediaDescription(offered.Media, 0, offered.Protocol);
        rejected.Formats.AddRange(offered.Formats);
        return rejected;
    }

    private static bool IsCandidateAudio(MediaDescription offered, LocalMediaOptions options, ref string? reason)
    {
        if (!string.Equals(offered.Media, "audio", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (offered.IsRejected)
        {
            reason ??= "the audio stream is disabled (port 0)";
            return false;
        }
        if (!options.SupportsProtocol(offered.Protocol))
        {
            reason = $"unsupported audio transport {offered.Protocol}";
            return false;
        }
        return true;
    }

    private static NegotiationResult TryAcceptAudio(SessionDescription offer, MediaDescription offered, int index,
        LocalMediaOptions options, bool localHold, out MediaDescription? answered)
    {
        answered = null;
        var formats = offered.GetMediaFormats();
        if (!TryChooseCodec(formats, options, out var codec, out var ours))
        {
            var list = string.Join(", ", formats.Select(f => f.ToString()));
            return NegotiationResult.Failed(NegotiationStatus.NotAcceptable, $"no common audio codec (offered: {list})");
        }
        var rtcpMux = options.RtcpMux && offered.RtcpMux;
        if (!RemoteStream.TryRead(offer, offered, rtcpMux, out var remote, out var error))
        {
            return NegotiationResult.Failed(NegotiationStatus.InvalidDescription, error);
        }
        var telephoneEvent = ChooseTelephoneEvent(formats, options, codec);
        var local = localHold ? SdpMediaDirection.SendOnly : SdpMediaDirection.SendRecv;
        // RFC 3264 §6.1: we send only if the offerer receives, and receive only if it sends.
        var direction = SdpMediaDirections.FromFlags(
            local.Sends() && remote.Direction.Receives(), local.Receives() && remote.Direction.Sends());
        var ptime = offered.Ptime ?? options.Ptime;

        answered = new MediaDescription(offered.Media, options.RtpPort, offered.Protocol);
        AddFormat(answered, codec, ours.Fmtp ?? codec.Fmtp);
        if (telephoneEvent is not null)
        {
            AddFormat(answered, telephoneEvent, telephoneEvent.Fmtp);
        }
        answered.AddAttribute(SdpAttributeNames.Ptime, ptime.ToString(CultureInfo.InvariantCulture));
        if (rtcpMux)
        {
            answered.AddAttribute(SdpAttributeNames.RtcpMux);
        }
        answered.AddAttribute(direction.ToAttributeName());

        return new NegotiationResult
        {
            Status = NegotiationStatus.Accepted,
            MediaIndex = index,
            Codec = codec,
            TelephoneEvent = telephoneEvent,
            RemoteRtpAddress = remote.Address,
            RemoteRtpPort = remote.RtpPort,
            RemoteRtcpAddress = remote.RtcpAddress,
            RemoteRtcpPort = remote.RtcpPort,
            RtcpMux = rtcpMux,
            Ptime = ptime,
            LocalDirection = direction,
            RemoteDirection = remote.Direction,
            RemoteHold = !remote.Direction.Receives(),
        };
    }

    /// <summary>Intersects the offered formats with ours, in whichever order <see cref="CodecPreference"/> says.</summary>
    private static bool TryChooseCodec(IReadOnlyList<MediaFormat> offered, LocalMediaOptions options,
        out MediaFormat chosen, out CodecDescriptor ours)
    {
        if (options.Preference == CodecPreference.Local)
        {
            foreach (var candidate in options.Codecs)
            {
                if (candidate.IsTelephoneEvent)
                {
                    continue;
                }
                foreach (var format in offered)
                {
                    if (candidate.Matches(format))
                    {
                        (chosen, ours) = (format, candidate);
                        return true;
                    }
                }
            }
        }
        else
        {
            foreach (var format in offered)
            {
                if (format.IsTelephoneEvent || format.IsComfortNoise)
                {
                    continue;
                }
                foreach (var candidate in options.Codecs)
                {
                    if (!candidate.IsTelephoneEvent && candidate.Matches(format))
                    {
                        (chosen, ours) = (format, candidate);
                        return true;
                    }
                }
            }
        }
        (chosen, ours) = (null!, null!);
        return false;
    }

    /// <summary>
    /// The offered telephone-event to answer with, if we do DTMF events: preferably at the chosen codec's
    /// clock rate (RFC 4733 §7.1.1), else the first offered.
    /// </summary>
    private static MediaFormat? ChooseTelephoneEvent(IReadOnlyList<MediaFormat> offered, LocalMediaOptions options, MediaFormat codec)
    {
        if (!options.Codecs.Any(c => c.IsTelephoneEvent))
        {
            return null;
        }
        MediaFormat? first = null;
        foreach (var format in offered)
        {
            if (!format.IsTelephoneEvent)
            {
                continue;
            }
            if (format.ClockRate == codec.ClockRate)
            {
                return format;
            }
            first ??= format;
        }
        return first;
    }

    private static void AddFormat(MediaDescription media, MediaFormat format, string? fmtp)
    {
        media.Formats.Add(format.PayloadType.ToString(CultureInfo.InvariantCulture));
        media.AddAttribute(SdpAttributeNames.RtpMap,
            new SdpRtpMap(format.PayloadType, format.EncodingName, format.ClockRate, format.Channels).ToAttributeValue());
        if (fmtp is { Length: > 0 })
        {
            media.AddAttribute(SdpAttributeNames.Fmtp, new SdpFmtp(format.PayloadType, fmtp).ToAttributeValue());
        }
    }
}
