using System.Buffers.Binary;

namespace Softswitch.Media.Rtp;

/// <summary>
/// A view of one packet inside an RTCP compound packet, as handed out by <see cref="RtcpCompoundReader"/>
/// after its structure was checked, so the accessors below stay inside the bytes.
/// </summary>
public readonly ref struct RtcpPacket
{
    /// <summary>Size of the common header (V, P, count, PT, length).</summary>
    public const int HeaderLength = 4;

    internal RtcpPacket(RtcpPacketType type, int count, ReadOnlySpan<byte> raw, ReadOnlySpan<byte> body)
    {
        Type = type;
        Count = count;
        Raw = raw;
        Body = body;
    }

    /// <summary>Packet type.</summary>
    public RtcpPacketType Type { get; }

    /// <summary>The 5-bit count field: report blocks (SR/RR), chunks (SDES), sources (BYE) or subtype.</summary>
    public int Count { get; }

    /// <summary>The whole packet, header and padding included.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    /// <summary>The packet after its 4-byte header, with padding removed.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>The first SSRC of the packet: the sender of an SR/RR, the first chunk or source of SDES/BYE; 0 if none.</summary>
    public uint Ssrc => Body.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(Body) : 0;

    /// <summary>Number of report blocks of an SR or RR (0 for other types).</summary>
    public int ReportBlockCount => Type is RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport ? Count : 0;

    /// <summary>The sender info of an SR.</summary>
    public RtcpSenderInfo SenderInfo
    {
        get
        {
            if (Type != RtcpPacketType.SenderReport)
            {
                throw new InvalidOperationException("Only a sender report carries sender info.");
            }

            return RtcpSenderInfo.Read(Body[4..]);
        }
    }

    /// <summary>Report block number <paramref name="index"/> of an SR or RR.</summary>
    public RtcpReportBlock GetReportBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ReportBlockCount);
        var start = 4 + (Type == RtcpPacketType.SenderReport ? RtcpSenderInfo.Length : 0);
        return RtcpReportBlock.Read(Body[(start + (index * RtcpReportBlock.Length))..]);
    }

    /// <summary>Reads the chunks and items of an SDES packet.</summary>
    public RtcpSdesReader GetSourceDescription() =>
        Type == RtcpPacketType.SourceDescription
            ? new RtcpSdesReader(Body, Count)
            : throw new InvalidOperationException("Only an SDES packet has source descriptions.");

    /// <summary>The CNAME of an SDES packet's first chunk that has one.</summary>
    public bool TryGetCanonicalName(out uint ssrc, out ReadOnlySpan<byte> canonicalName)
    {
        if (Type == RtcpPacketType.SourceDescription)
        {
            var reader = GetSourceDescription();
            while (reader.TryReadNext(out var item))
            {
                if (item.Type == RtcpSdesItemType.CanonicalName)
                {
                    ssrc = item.Ssrc;
                    canonicalName = item.Value;
                    return true;
                }
            }
        }

        ssrc = 0;
        canonicalName = default;
        return false;
    }

    /// <summary>Source number <paramref name="index"/> leaving, in a BYE.</summary>
    public uint GetGoodbyeSsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Type == RtcpPacketType.Goodbye ? Count : 0);
        return BinaryPrimitives.ReadUInt32BigEndian(Body[(4 * index)..]);
    }

    /// <summary>The optional reason text of a BYE (UTF-8), empty when absent.</summary>
    public ReadOnlySpan<byte> GoodbyeReason
    {
        get
        {
            var start = 4 * Count;
            if (Type != RtcpPacketType.Goodbye || Body.Length <= start)
            {
                return default;
            }

            return Body.Slice(start + 1, Body[start]);
        }
    }
}
