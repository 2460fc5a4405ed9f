using System.Buffers.Binary;

namespace Softswitch.Media.Rtp;

/// <summary>One reception report block of an SR or RR (RFC 3550 §6.4.1), 24 bytes on the wire.</summary>
/// <param name="Ssrc">The source this block reports on.</param>
/// <param name="FractionLost">Packets lost since the previous report, as a fraction of 256.</param>
/// <param name="CumulativeLost">Total lost since the start, 24-bit signed (negative with duplicates).</param>
/// <param name="ExtendedHighestSequence">Cycles in the high 16 bits, highest sequence received in the low.</param>
/// <param name="Jitter">Interarrival jitter in timestamp units (§6.4.1, A.8).</param>
/// <param name="LastSenderReport">Middle 32 bits of the NTP time of the last SR from the source, or 0.</param>
/// <param name="DelaySinceLastSenderReport">Delay since that SR in 1/65536 s, or 0.</param>
public readonly record struct RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    /// <summary>Size of a report block.</summary>
    public const int Length = 24;

    /// <summary>Largest value the 24-bit signed cumulative-loss field holds.</summary>
    public const int MaxCumulativeLost = 0x7FFFFF;

    /// <summary>Smallest value the 24-bit signed cumulative-loss field holds.</summary>
    public const int MinCumulativeLost = -0x800000;

    /// <summary>Reads a block from the first 24 bytes of <paramref name="source"/>.</summary>
    public static RtcpReportBlock Read(ReadOnlySpan<byte> source)
    {
        var lossWord = BinaryPrimitives.ReadUInt32BigEndian(source[4..]);
        // Sign-extend the 24-bit two's complement count.
        var cumulative = (int)(lossWord << 8) >> 8;
        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(source),
            (byte)(lossWord >> 24),
            cumulative,
            BinaryPrimitives.ReadUInt32BigEndian(source[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[20..]));
    }

    /// <summary>Writes the block into the first 24 bytes of <paramref name="destination"/>; loss is clamped to 24 bits.</summary>
    public void Write(Span<byte> destination)
    {
        var cumulative = Math.Clamp(CumulativeLost, MinCumulativeLost, MaxCumulativeLost);
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)FractionLost << 24) | ((uint)cumulative & 0xFFFFFF));
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], DelaySinceLastSenderReport);
    }
}
