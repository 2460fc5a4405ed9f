using System.Buffers.Binary;

namespace Softswitch.Media.Rtp;

/// <summary>
/// The RTP fixed header (RFC 3550 §5.1) plus where the CSRC list, the header extension (§5.3.1),
/// the payload and the padding lie inside the packet it was parsed from. Parsing copies only
/// scalars, so it costs nothing on the relay path.
/// </summary>
public readonly struct RtpHeader
{
    /// <summary>The only RTP version in use.</summary>
    public const int Version = 2;

    /// <summary>Size of the fixed part of every RTP header.</summary>
    public const int FixedLength = 12;

    /// <summary>Largest CSRC count the 4-bit CC field allows.</summary>
    public const int MaxCsrcCount = 15;

    /// <summary>Creates a header for writing; CSRCs and extension data are passed to <see cref="Write(Span{byte}, ReadOnlySpan{uint}, ReadOnlySpan{byte})"/>.</summary>
    public RtpHeader(byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc, bool marker = false)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, (byte)127);
        PayloadType = payloadType;
        SequenceNumber = sequenceNumber;
        Timestamp = timestamp;
        Ssrc = ssrc;
        Marker = marker;
    }

    /// <summary>P bit: the packet ends with padding octets (their count is in the last octet).</summary>
    public bool HasPadding { get; init; }

    /// <summary>X bit: a header extension follows the CSRC list.</summary>
    public bool HasExtension { get; init; }

    /// <summary>Number of CSRC identifiers (0-15).</summary>
    public int CsrcCount { get; init; }

    /// <summary>M bit; for audio, the first packet of a talkspurt (RFC 3551 §4.1).</summary>
    public bool Marker { get; init; }

    /// <summary>Payload type, 0-127.</summary>
    public byte PayloadType { get; init; }

    /// <summary>16-bit sequence number.</summary>
    public ushort SequenceNumber { get; init; }

    /// <summary>RTP timestamp in the payload's clock.</summary>
    public uint Timestamp { get; init; }

    /// <summary>Synchronization source.</summary>
    public uint Ssrc { get; init; }

    /// <summary>The extension's 16-bit "defined by profile" field (e.g. 0xBEDE for RFC 8285 one-byte headers).</summary>
    public ushort ExtensionProfile { get; init; }

    /// <summary>Length in bytes of the extension data (after its 4-byte header); a multiple of 4.</summary>
    public int ExtensionDataLength { get; init; }

    /// <summary>Bytes from the start of the packet to the payload: fixed header, CSRCs and extension.</summary>
    public int HeaderLength { get; init; }

    /// <summary>Payload bytes, with padding already removed.</summary>
    public int PayloadLength { get; init; }

    /// <summary>Padding octets at the end of the packet (0 when <see cref="HasPadding"/> is false).</summary>
    public int PaddingLength { get; init; }

    /// <summary>Offset of the extension data inside the packet (valid when <see cref="HasExtension"/>).</summary>
    public int ExtensionDataOffset => FixedLength + (4 * CsrcCount) + 4;

    /// <summary>Bytes <see cref="Write(Span{byte}, ReadOnlySpan{uint}, ReadOnlySpan{byte})"/> needs for this header.</summary>
    public static int GetWrittenLength(int csrcCount, int extensionDataLength, bool hasExtension) =>
        FixedLength + (4 * csrcCount) + (hasExtension ? 4 + extensionDataLength : 0);

    /// <summary>
    /// Parses the header at the start of <paramref name="packet"/>. Never throws: malformed input
    /// yields a status other than <see cref="RtpParseStatus.Success"/> and a default header.
    /// </summary>
    public static RtpParseStatus TryParse(ReadOnlySpan<byte> packet, out RtpHeader header, out int payloadOffset)
    {
        header = default;
        payloadOffset = 0;
        if (packet.Length < FixedLength)
        {
            return RtpParseStatus.TooShort;
        }

        var first = packet[0];
        if (first >> 6 != Version)
        {
            return RtpParseStatus.BadVersion;
        }

        var csrcCount = first & 0x0F;
        var offset = FixedLength + (4 * csrcCount);
        if (packet.Length < offset)
        {
            return RtpParseStatus.TruncatedCsrcList;
        }

        var hasExtension = (first & 0x10) != 0;
        ushort profile = 0;
        var extensionLength = 0;
        if (hasExtension)
        {
            if (packet.Length < offset + 4)
            {
                return RtpParseStatus.TruncatedExtension;
            }

            profile = BinaryPrimitives.ReadUInt16BigEndian(packet[offset..]);
            extensionLength = 4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
            offset += 4 + extensionLength;
            if (packet.Length < offset)
            {
                return RtpParseStatus.TruncatedExtension;
            }
        }

        var hasPadding = (first & 0x20) != 0;
        var padding = 0;
        if (hasPadding)
        {
            // The count includes itself, so zero is as invalid as a count that eats into the header.
            padding = packet[^1];
            if (padding == 0 || padding > packet.Length - offset)
            {
                return RtpParseStatus.BadPadding;
            }
        }

        var second = packet[1];
        header = new RtpHeader
        {
            HasPadding = hasPadding,
            HasExtension = hasExtension,
            CsrcCount = csrcCount,
            Marker = (second & 0x80) != 0,
            PayloadType = (byte)(second & 0x7F),
            SequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            Timestamp = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            Ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            ExtensionProfile = profile,
            ExtensionDataLength = extensionLength,
            HeaderLength = offset,
            PayloadLength = packet.Length - offset - padding,
            PaddingLength = padding,
        };
        payloadOffset = offset;
        return RtpParseStatus.Success;
    }

    /// <summary>Reads CSRC number <paramref name="index"/> from a packet whose header parsed successfully.</summary>
    public static uint ReadCsrc(ReadOnlySpan<byte> packet, int index) =>
        BinaryPrimitives.ReadUInt32BigEndian(packet[(FixedLength + (4 * index))..]);

    /// <summary>Writes the fixed header only (no CSRCs, no extension); returns 12.</summary>
    public int Write(Span<byte> destination) => Write(destination, default, default);

    /// <summary>
    /// Writes the header, the given CSRC list and, when <see cref="HasExtension"/> is set, the extension
    /// header with <see cref="ExtensionProfile"/> and <paramref name="extensionData"/> (a multiple of 4 bytes).
    /// The P bit is written from <see cref="HasPadding"/>; the caller appends the padding after the payload
    /// with <see cref="WritePadding"/>. Returns the bytes written.
    /// </summary>
    public int Write(Span<byte> destination, ReadOnlySpan<uint> csrcs, ReadOnlySpan<byte> extensionData)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(csrcs.Length, MaxCsrcCount);
        if (extensionData.Length % 4 != 0 || extensionData.Length > 4 * ushort.MaxValue)
        {
            throw new ArgumentException("Extension data must be a multiple of 4 bytes, at most 262140.", nameof(extensionData));
        }

        var length = GetWrittenLength(csrcs.Length, extensionData.Length, HasExtension);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The RTP header needs {length} bytes.", nameof(destination));
        }

        destination[0] = (byte)((Version << 6) | (HasPadding ? 0x20 : 0) | (HasExtension ? 0x10 : 0) | csrcs.Length);
        destination[1] = (byte)((Marker ? 0x80 : 0) | (PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
        var offset = FixedLength;
        foreach (var csrc in csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], csrc);
            offset += 4;
        }

        if (HasExtension)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], ExtensionProfile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(extensionData.Length / 4));
            extensionData.CopyTo(destination[(offset + 4)..]);
            offset += 4 + extensionData.Length;
        }

        return offset;
    }

    /// <summary>Writes <paramref name="count"/> padding octets (zeros, then the count) at the start of <paramref name="destination"/>.</summary>
    public static int WritePadding(Span<byte> destination, byte count)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        destination[..(count - 1)].Clear();
        destination[count - 1] = count;
        return count;
    }
}
