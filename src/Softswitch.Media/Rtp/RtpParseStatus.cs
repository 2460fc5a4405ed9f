namespace Softswitch.Media.Rtp;

/// <summary>Outcome of <see cref="RtpHeader.TryParse"/>; anything but <see cref="Success"/> means "drop the packet".</summary>
public enum RtpParseStatus
{
    /// <summary>A well-formed RTP header; payload offset and length are valid.</summary>
    Success,

    /// <summary>Shorter than the 12-byte fixed header.</summary>
    TooShort,

    /// <summary>Version field is not 2 (RFC 3550 §5.1).</summary>
    BadVersion,

    /// <summary>The CSRC count promises more identifiers than the packet holds.</summary>
    TruncatedCsrcList,

    /// <summary>The X bit is set but the extension header or its data run past the end.</summary>
    TruncatedExtension,

    /// <summary>The P bit is set but the last octet's count is zero or longer than the payload.</summary>
    BadPadding,
}
