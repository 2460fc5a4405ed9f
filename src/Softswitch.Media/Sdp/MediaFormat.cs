namespace Softswitch.Media.Sdp;

/// <summary>
/// One payload type of an m-line, resolved through its <c>a=rtpmap</c> or the static table of RFC 3551,
/// with its <c>a=fmtp</c> parameters if any.
/// </summary>
public sealed record MediaFormat(int PayloadType, string EncodingName, int ClockRate, int Channels = 1, string? Fmtp = null)
{
    /// <summary>True for RFC 4733 <c>telephone-event</c>.</summary>
    public bool IsTelephoneEvent => CodecDescriptor.IsTelephoneEventName(EncodingName);

    /// <summary>True for comfort noise (RFC 3389), which is never a call's main codec.</summary>
    public bool IsComfortNoise => string.Equals(EncodingName, "CN", StringComparison.OrdinalIgnoreCase);

    /// <summary>Same codec, ignoring payload type and fmtp.</summary>
    public bool IsSameCodecAs(MediaFormat other) =>
        string.Equals(EncodingName, other.EncodingName, StringComparison.OrdinalIgnoreCase)
        && ClockRate == other.ClockRate
        && Channels == other.Channels;

    /// <summary>Compact form, e.g. <c>0 PCMU/8000</c>.</summary>
    public override string ToString() => Channels == 1
        ? $"{PayloadType} {EncodingName}/{ClockRate}"
        : $"{PayloadType} {EncodingName}/{ClockRate}/{Channels}";
}
