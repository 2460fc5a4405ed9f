using System.Globalization;

namespace Softswitch.Media.Sdp;

/// <summary>
/// Builds our offer: one audio m-line with our codecs in preference order, static payload types for static
/// codecs and the descriptor's dynamic number (opus 111, telephone-event 101) otherwise, then rtpmap, fmtp,
/// ptime and the direction.
/// </summary>
public static class SdpOfferBuilder
{
    private const int FirstDynamicPayloadType = 96;
    private const int LastDynamicPayloadType = 127;

    /// <summary>Builds an offer with the given origin and stream direction.</summary>
    public static SessionDescription Build(LocalMediaOptions options, SdpOrigin origin, SdpMediaDirection direction)
    {
        var offer = new SessionDescription(origin, options.SessionName) { Connection = SdpConnection.ForAddress(options.Address) };
        offer.Timings.Add(new SdpTiming(0, 0));
        var audio = new MediaDescription("audio", options.RtpPort, "RTP/AVP");
        var used = new HashSet<int>();
        var assigned = new List<(int PayloadType, CodecDescriptor Codec)>();
        foreach (var codec in options.Codecs)
        {
            if (codec.PayloadType is { } wanted && wanted is >= 0 and <= LastDynamicPayloadType && used.Add(wanted))
            {
                assigned.Add((wanted, codec));
            }
        }
        var next = FirstDynamicPayloadType;
        foreach (var codec in options.Codecs)
        {
            if (assigned.Exists(a => ReferenceEquals(a.Codec, codec)))
            {
                continue;
            }
            while (next <= LastDynamicPayloadType && used.Contains(next))
            {
                next++;
            }
            if (next > LastDynamicPayloadType)
            {
                break;
            }
            used.Add(next);
            assigned.Add((next, codec));
        }
        // Keep the caller's preference order, not the assignment order.
        assigned.Sort((a, b) => IndexOf(options.Codecs, a.Codec).CompareTo(IndexOf(options.Codecs, b.Codec)));
        foreach (var (payloadType, codec) in assigned)
        {
            audio.Formats.Add(payloadType.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var (payloadType, codec) in assigned)
        {
            audio.AddAttribute(SdpAttributeNames.RtpMap,
                new SdpRtpMap(payloadType, codec.Name, codec.ClockRate, codec.Channels).ToAttributeValue());
            if (codec.Fmtp is { Length: > 0 } fmtp)
            {
                audio.AddAttribute(SdpAttributeNames.Fmtp, new SdpFmtp(payloadType, fmtp).ToAttributeValue());
            }
        }
        audio.AddAttribute(SdpAttributeNames.Ptime, options.Ptime.ToString(CultureInfo.InvariantCulture));
        if (options.RtcpMux)
        {
            audio.AddAttribute(SdpAttributeNames.RtcpMux);
        }
        audio.AddAttribute(direction.ToAttributeName());
        offer.Media.Add(audio);
        return offer;
    }

    private static int IndexOf(IReadOnlyList<CodecDescriptor> codecs, CodecDescriptor codec)
    {
        for (var i = 0; i < codecs.Count; i++)
        {
            if (ReferenceEquals(codecs[i], codec))
            {
                return i;
            }
        }
        return -1;
    }
}
