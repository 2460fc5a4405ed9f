namespace Softswitch.Media.Sdp;

/// <summary>
/// A parsed or built SDP body (RFC 8866). Session-level fields, then the media sections in order.
/// Read with <see cref="SdpParser"/>, write with <see cref="SdpWriter"/>.
/// </summary>
public sealed class SessionDescription
{
    public SessionDescription(SdpOrigin origin, string sessionName = "-")
    {
        Origin = origin;
        SessionName = sessionName;
    }

    /// <summary><c>v=</c>; always 0 (RFC 8866 §5.1).</summary>
    public int Version => 0;

    public SdpOrigin Origin { get; set; }

    /// <summary><c>s=</c>; <c>-</c> when there is nothing to say.</summary>
    public string SessionName { get; set; }

    /// <summary><c>i=</c></summary>
    public string? Information { get; set; }

    /// <summary><c>u=</c></summary>
    public string? Uri { get; set; }

    /// <summary><c>e=</c> lines.</summary>
    public List<string> Emails { get; } = [];

    /// <summary><c>p=</c> lines.</summary>
    public List<string> Phones { get; } = [];

    /// <summary>Session-level <c>c=</c>, used by media sections without their own.</summary>
    public SdpConnection? Connection { get; set; }

    public List<SdpBandwidth> Bandwidths { get; } = [];

    /// <summary><c>t=</c> lines (with their <c>r=</c> lines); at least one is required to write.</summary>
    public List<SdpTiming> Timings { get; } = [];

    /// <summary>The <c>z=</c> line, verbatim.</summary>
    public string? TimeZones { get; set; }

    /// <summary>The obsolete session-level <c>k=</c> line, verbatim.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Session-level attributes.</summary>
    public List<SdpAttribute> Attributes { get; } = [];

    public List<MediaDescription> Media { get; } = [];

    /// <summary>The direction written at session level, or null.</summary>
    public SdpMediaDirection? Direction => SdpMediaDirections.Find(Attributes);

    /// <summary>A stream's direction: media level overrides session level; sendrecv by default (RFC 8866 §6.7).</summary>
    public SdpMediaDirection GetEffectiveDirection(MediaDescription media) =>
        media.Direction ?? Direction ?? SdpMediaDirection.SendRecv;

    /// <summary>A stream's connection: media level overrides session level; null when neither is present.</summary>
    public SdpConnection? GetEffectiveConnection(MediaDescription media) => media.Connection ?? Connection;

    /// <summary>The value of the first session-level attribute with this name (empty for a property), or null.</summary>
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

    /// <summary>The body as text, CRLF line endings.</summary>
    public override string ToString() => SdpWriter.WriteToString(this);
}
