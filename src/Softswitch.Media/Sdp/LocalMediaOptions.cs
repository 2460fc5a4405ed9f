namespace Softswitch.Media.Sdp;

/// <summary>
/// What our side of one call leg offers and accepts: where we receive RTP, the codecs we support in
/// preference order, packet time and the transport profiles we speak.
/// </summary>
public sealed class LocalMediaOptions
{
    /// <summary>The address written in our <c>c=</c> line (an IP literal; IP4 or IP6 is chosen from its form).</summary>
    public required string Address { get; init; }

    /// <summary>The port we receive RTP on (RTCP on the next one unless rtcp-mux is negotiated).</summary>
    public required int RtpPort { get; init; }

    /// <summary>Supported codecs in our preference order; include <see cref="CodecDescriptor.TelephoneEvent"/> for RFC 4733 DTMF.</summary>
    public IReadOnlyList<CodecDescriptor> Codecs { get; init; } =
        [CodecDescriptor.Pcmu, CodecDescriptor.Pcma, CodecDescriptor.TelephoneEvent];

    /// <summary>Whose order picks the codec when several match.</summary>
    public CodecPreference Preference { get; init; } = CodecPreference.Local;

    /// <summary>Our packet time in milliseconds, used when the offer does not ask for one.</summary>
    public int Ptime { get; init; } = 20;

    /// <summary>Transport profiles we accept; others (RTP/SAVP without SRTP, udptl T.38 ...) are rejected with port 0.</summary>
    public IReadOnlyCollection<string> Protocols { get; init; } = ["RTP/AVP"];

    /// <summary>Whether we offer and accept RTP and RTCP on one port (RFC 5761).</summary>
    public bool RtcpMux { get; init; }

    /// <summary>The <c>o=</c> username.</summary>
    public string Username { get; init; } = "-";

    /// <summary>The <c>s=</c> line.</summary>
    public string SessionName { get; init; } = "Softswitch";

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Address))
        {
            throw new ArgumentException("Address is required.", nameof(Address));
        }
        if (RtpPort is <= 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(RtpPort), RtpPort, "RTP port must be 1..65535.");
        }
        if (!Codecs.Any(codec => !codec.IsTelephoneEvent))
        {
            throw new ArgumentException("At least one audio codec is required.", nameof(Codecs));
        }
        if (Ptime <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Ptime), Ptime, "Packet time must be positive.");
        }
    }

    internal bool SupportsProtocol(string protocol) =>
        Protocols.Any(supported => string.Equals(supported, protocol, StringComparison.OrdinalIgnoreCase));
}
