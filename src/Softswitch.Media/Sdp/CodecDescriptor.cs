namespace Softswitch.Media.Sdp;

/// <summary>
/// A codec we are willing to use, as it appears in SDP: encoding name, clock rate, channels and the fmtp we
/// want to receive with. <see cref="PayloadType"/> is the number we put in our own offers: the static number
/// for static codecs (RFC 3551), a dynamic one (96..127) otherwise.
/// The order of a list of these is our preference order.
/// </summary>
public sealed record CodecDescriptor(string Name, int ClockRate, int Channels = 1, string? Fmtp = null, int? PayloadType = null)
{
    /// <summary>G.711 µ-law, static payload type 0.</summary>
    public static CodecDescriptor Pcmu { get; } = new("PCMU", 8000, PayloadType: 0);

    /// <summary>G.711 A-law, static payload type 8.</summary>
    public static CodecDescriptor Pcma { get; } = new("PCMA", 8000, PayloadType: 8);

    /// <summary>G.722, static payload type 9; its SDP clock rate is 8000 for historical reasons (RFC 3551 §4.5.2).</summary>
    public static CodecDescriptor G722 { get; } = new("G722", 8000, PayloadType: 9);

    /// <summary>Opus (RFC 7587): always <c>opus/48000/2</c> in SDP, whatever is actually sent.</summary>
    public static CodecDescriptor Opus { get; } = new("opus", 48000, 2, "useinbandfec=1", 111);

    /// <summary>RFC 4733 DTMF events 0-16 (digits, *, #, A-D, flash).</summary>
    public static CodecDescriptor TelephoneEvent { get; } = new("telephone-event", 8000, 1, "0-16", 101);

    /// <summary>True for RFC 4733 <c>telephone-event</c>.</summary>
    public bool IsTelephoneEvent => IsTelephoneEventName(Name);

    /// <summary>Same codec: name (case-insensitive, RFC 8866 §6.6), clock rate and channel count.</summary>
    public bool Matches(MediaFormat format) =>
        string.Equals(Name, format.EncodingName, StringComparison.OrdinalIgnoreCase)
        && ClockRate == format.ClockRate
        && Channels == format.Channels;

    internal static bool IsTelephoneEventName(string name) =>
        string.Equals(name, "telephone-event", StringComparison.OrdinalIgnoreCase);

    /// <summary>Compact form, e.g. <c>opus/48000/2</c>.</summary>
    public override string ToString() => Channels == 1 ? $"{Name}/{ClockRate}" : $"{Name}/{ClockRate}/{Channels}";
}
