namespace Softswitch.Media.Rtp;

/// <summary>Outcome of reading one packet of an RTCP compound packet (RFC 3550 §6.1, A.2).</summary>
public enum RtcpParseStatus
{
    /// <summary>A packet was read.</summary>
    Success,

    /// <summary>The compound packet has no more packets.</summary>
    End,

    /// <summary>Fewer than 4 bytes where a packet header should be.</summary>
    TooShort,

    /// <summary>Version field is not 2.</summary>
    BadVersion,

    /// <summary>The length field runs past the end of the datagram.</summary>
    BadLength,

    /// <summary>A compound packet must start with SR or RR (RFC 3550 §6.1).</summary>
    FirstPacketNotReport,

    /// <summary>Only the last packet of a compound may carry padding, and its count must fit.</summary>
    BadPadding,

    /// <summary>An SR or RR is too short for its sender info and report blocks.</summary>
    TruncatedReport,

    /// <summary>An SDES chunk or item runs past its packet, or a chunk is not terminated.</summary>
    MalformedSourceDescription,

    /// <summary>A BYE is too short for its SSRC list or reason.</summary>
    MalformedGoodbye,
}
