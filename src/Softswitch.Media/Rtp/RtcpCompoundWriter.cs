using System.Buffers.Binary;

namespace Softswitch.Media.Rtp;

/// <summary>
/// Writes an RTCP compound packet (RFC 3550 §6.1) packet by packet into a caller's buffer: an SR or RR
/// first, then SDES with the CNAME, then BYE when leaving. Each method returns false and writes nothing
/// when the buffer is too small.
/// </summary>
public ref struct RtcpCompoundWriter
{
    /// <summary>Most report blocks one SR or RR can carry (5-bit count).</summary>
    public const int MaxReportBlocks = 31;

    private readonly Span<byte> _destination;

    /// <summary>Starts writing at the beginning of <paramref name="destination"/>.</summary>
    public RtcpCompoundWriter(Span<byte> destination) => _destination = destination;

    /// <summary>Bytes written so far.</summary>
    public int Written { get; private set; }

    /// <summary>The compound packet written so far.</summary>
    public readonly ReadOnlySpan<byte> WrittenSpan => _destination[..Written];

    /// <summary>Appends a sender report.</summary>
    public bool TryWriteSenderReport(uint ssrc, in RtcpSenderInfo senderInfo, scoped ReadOnlySpan<RtcpReportBlock> reportBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reportBlocks.Length, MaxReportBlocks);
        var length = RtcpPacket.HeaderLength + 4 + RtcpSenderInfo.Length + (reportBlocks.Length * RtcpReportBlock.Length);
        if (!TryStart(RtcpPacketType.SenderReport, reportBlocks.Length, length, out var packet))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        senderInfo.Write(packet[8..]);
        WriteBlocks(packet[(8 + RtcpSenderInfo.Length)..], reportBlocks);
        Written += length;
        return true;
    }

    /// <summary>Appends a receiver report.</summary>
    public bool TryWriteReceiverReport(uint ssrc, scoped ReadOnlySpan<RtcpReportBlock> reportBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reportBlocks.Length, MaxReportBlocks);
        var length = RtcpPacket.HeaderLength + 4 + (reportBlocks.Length * RtcpReportBlock.Length);
        if (!TryStart(RtcpPacketType.ReceiverReport, reportBlocks.Length, length, out var packet))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        WriteBlocks(packet[8..], reportBlocks);
        Written += length;
        return true;
    }

    /// <summary>Appends an SDES packet with one chunk holding the CNAME (at most 255 bytes of UTF-8).</summary>
    public bool TryWriteCanonicalName(uint ssrc, scoped ReadOnlySpan<byte> canonicalName)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(canonicalName.Length, byte.MaxValue);
        // SSRC, type, length, text, then 1-4 null octets up to a 32-bit boundary.
        var chunk = 4 + AlignTo4(2 + canonicalName.Length + 1);
        var length = RtcpPacket.HeaderLength + chunk;
        if (!TryStart(RtcpPacketType.SourceDescription, 1, length, out var packet))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        packet[8] = (byte)RtcpSdesItemType.CanonicalName;
        packet[9] = (byte)canonicalName.Length;
        canonicalName.CopyTo(packet[10..]);
        packet[(10 + canonicalName.Length)..].Clear();
        Written += length;
        return true;
    }

    /// <summary>Appends a BYE for <paramref name="ssrcs"/> with an optional reason (at most 255 bytes of UTF-8).</summary>
    public bool TryWriteGoodbye(scoped ReadOnlySpan<uint> ssrcs, scoped ReadOnlySpan<byte> reason = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ssrcs.Length, MaxReportBlocks);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reason.Length, byte.MaxValue);
        var reasonLength = reason.IsEmpty ? 0 : AlignTo4(1 + reason.Length);
        var length = RtcpPacket.HeaderLength + (4 * ssrcs.Length) + reasonLength;
        if (!TryStart(RtcpPacketType.Goodbye, ssrcs.Length, length, out var packet))
        {
            return false;
        }

        var offset = RtcpPacket.HeaderLength;
        foreach (var ssrc in ssrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet[offset..], ssrc);
            offset += 4;
        }

        if (!reason.IsEmpty)
        {
            packet[offset] = (byte)reason.Length;
            reason.CopyTo(packet[(offset + 1)..]);
            packet[(offset + 1 + reason.Length)..].Clear();
        }

        Written += length;
        return true;
    }

    private readonly bool TryStart(RtcpPacketType type, int count, int length, out Span<byte> packet)
    {
        if (_destination.Length - Written < length)
        {
            packet = default;
            return false;
        }

        packet = _destination.Slice(Written, length);
        packet[0] = (byte)((RtpHeader.Version << 6) | count);
        packet[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], (ushort)((length / 4) - 1));
        return true;
    }

    private static void WriteBlocks(Span<byte> destination, ReadOnlySpan<RtcpReportBlock> reportBlocks)
    {
        for (var i = 0; i < reportBlocks.Length; i++)
        {
            reportBlocks[i].Write(destination[(i * RtcpReportBlock.Length)..]);
        }
    }

    private static int AlignTo4(int length) => (length + 3) & ~3;
}
