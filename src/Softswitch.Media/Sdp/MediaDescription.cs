namespace Softswitch.Media.Sdp;

/// <summary>
/// One media section (RFC 8866 §5.14): the <c>m=</c> line and the <c>i=</c>, <c>c=</c>, <c>b=</c>, <c>k=</c>
/// and <c>a=</c> lines under it. Attributes are stored verbatim; the typed properties read them on demand.
/// </summary>
public sealed class MediaDescription
{
    public MediaDescription(string media, int port, string protocol)
    {
        Media = media;
        Port = port;
        Protocol = protocol;
    }

    /// <summary><c>audio</c>, <c>video</c>, <c>image</c>, <c>application</c>, ...</summary>
    public string Media { get; set; }

    /// <summary>Transport port; 0 in an answer means the stream is rejected (RFC 3264 §6).</summary>
    public int Port { get; set; }

    /// <summary>The <c>/&lt;number of ports&gt;</c> suffix, when written.</summary>
    public int? PortCount { get; set; }

    /// <summary><c>RTP/AVP</c>, <c>RTP/SAVP</c>, <c>RTP/AVPF</c>, <c>udptl</c>, ...</summary>
    public string Protocol { get; set; }

    /// <summary>The format list: payload type numbers for RTP, as written.</summary>
    public List<string> Formats { get; } = [];

    /// <summary>The media-level <c>i=</c> line.</summary>
    public string? Title { get; set; }

    /// <summary>Media-level <c>c=</c> lines; several are allowed for multicast, usually zero or one.</summary>
    public List<SdpConnection> Connections { get; } = [];

    public List<SdpBandwidth> Bandwidths { get; } = [];

    /// <summary>The obsolete <c>k=</c> line, verbatim.</summary>
    public string? EncryptionKey { get; set; }

    public List<SdpAttribute> Attributes { get; } = [];

    /// <summary>The first media-level connection, or null to use the session's.</summary>
    public SdpConnection? Connection => Connections.Count > 0 ? Connections[0] : null;

    /// <summary>True when the port is 0.</summary>
    public bool IsRejected => Port == 0;

    /// <summary>True when the protocol is an RTP profile (RTP/AVP, RTP/SAVP, RTP/AVPF, UDP/TLS/RTP/SAVPF ...).</summary>
    public bool IsRtp => Protocol.Contains("RTP/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The direction written at media level, or null when none (then the session level applies).</summary>
    public SdpMediaDirection? Direction => SdpMediaDirections.Find(Attributes);

    /// <summary><c>a=ptime</c> in milliseconds, or null.</summary>
    public int? Ptime => ReadMilliseconds(SdpAttributeNames.Ptime);

    /// <summary><c>a=maxptime</c> in milliseconds, or null.</summary>
    public int? MaxPtime => ReadMilliseconds(SdpAttributeNames.MaxPtime);

    /// <summary><c>a=rtcp</c> (RFC 3605), or null when absent or malformed.</summary>
    public SdpRtcp? Rtcp => GetAttribute(SdpAttributeNames.Rtcp) is { } value && SdpRtcp.TryParse(value, out var rtcp) ? rtcp : null;

    /// <summary>True when <c>a=rtcp-mux</c> is present (RFC 5761).</summary>
    public bool RtcpMux => HasAttribute(SdpAttributeNames.RtcpMux);

    /// <summary>Every well-formed <c>a=rtpmap</c>.</summary>
    public IEnumerable<SdpRtpMap> RtpMaps
    {
        get
        {
            foreach (var attribute in Attributes)
            {
                if (attribute.Name == SdpAttributeNames.RtpMap && attribute.Value is { } value
                    && SdpRtpMap.TryParse(value, out var rtpMap))
                {
                    yield return rtpMap;
                }
            }
        }
    }

    /// <summary>The <c>a=rtpmap</c> for a payload type, or null.</summary>
    public SdpRtpMap? GetRtpMap(int payloadType)
    {
        // Only the line for this payload type is parsed (not every rtpmap, once per format of the m= line).
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == SdpAttributeNames.RtpMap && attribute.Value is { } value && NamesPayloadType(value, payloadType)
                && SdpRtpMap.TryParse(value, out var rtpMap))
            {
                return rtpMap;
            }
        }
        return null;
    }

    /// <summary>Whether an rtpmap or fmtp value starts with <paramref name="payloadType"/> (then a space, or its end).</summary>
    private static bool NamesPayloadType(string value, int payloadType)
    {
        var space = value.IndexOf(' ');
        var number = space < 0 ? value.AsSpan() : value.AsSpan(0, space);
        return SdpNumbers.TryParsePayloadType(number, out var named) && named == payloadType;
    }

    /// <summary>The <c>a=fmtp</c> parameters for a payload type, or null.</summary>
    public string? GetFmtp(int payloadType)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == SdpAttributeNames.Fmtp && attribute.Value is { } value && NamesPayloadType(value, payloadType)
                && SdpFmtp.TryParse(value, out var fmtp))
            {
                return fmtp.Parameters;
            }
        }
        return null;
    }

    /// <summary>
    /// The format list resolved to codecs, in offer order: through <c>a=rtpmap</c>, else the static table
    /// (RFC 3551). Formats that are neither (or not numbers) are left out.
    /// </summary>
    public IReadOnlyList<MediaFormat> GetMediaFormats()
    {
        var formats = new List<MediaFormat>(Formats.Count);
        foreach (var text in Formats)
        {
            if (TryResolve(text, out var format))
            {
                formats.Add(format);
            }
        }
        return formats;
    }

    /// <summary>Resolves one entry of the format list; false when it is not a known RTP payload type.</summary>
    public bool TryResolve(string formatText, out MediaFormat format)
    {
        format = null!;
        if (!SdpNumbers.TryParsePayloadType(formatText, out var payloadType))
        {
            return false;
        }
        if (GetRtpMap(payloadType) is { } rtpMap)
        {
            format = new MediaFormat(payloadType, rtpMap.EncodingName, rtpMap.ClockRate, rtpMap.Channels, GetFmtp(payloadType));
            return true;
        }
        if (StaticPayloadTypes.TryGet(payloadType, out var known))
        {
            format = known with { Fmtp = GetFmtp(payloadType) };
            return true;
        }
        return false;
    }

    /// <summary>The value of the first attribute with this name (empty for a property attribute), or null.</summary>
    public string? GetAttribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.Value ?? "";
            }
        }
        return null;
    }

    /// <summary>True when an attribute with this name is present.</summary>
    public bool HasAttribute(string name) => GetAttribute(name) is not null;

    /// <summary>Appends an attribute line.</summary>
    public MediaDescription AddAttribute(string name, string? value = null)
    {
        Attributes.Add(new SdpAttribute(name, value));
        return this;
    }

    private int? ReadMilliseconds(string name) =>
        GetAttribute(name) is { } value && SdpNumbers.TryParseMilliseconds(value, out var ms) ? ms : null;
}
