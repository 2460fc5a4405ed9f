using System.Buffers.Binary;

namespace Softswitch.Media.Rtp;

/// <summary>
/// Reads the packets of an RTCP compound packet one by one, applying the validity checks of
/// RFC 3550 §6.1 and Appendix A.2 (version 2, the first packet an SR or RR, padding only on the last,
/// lengths that add up) plus a structural check of SR, RR, SDES and BYE bodies. Never throws on input.
/// </summary>
public ref struct RtcpCompoundReader
{
    private ReadOnlySpan<byte> _remaining;
    private readonly bool _allowReducedSize;
    private bool _first = true;

    /// <summary>Starts reading <paramref name="compound"/>.</summary>
    /// <param name="compound">One received RTCP datagram.</param>
    /// <param name="allowReducedSize">Accept a first packet other than SR/RR (reduced-size RTCP, RFC 5506).</param>
    public RtcpCompoundReader(ReadOnlySpan<byte> compound, bool allowReducedSize = false)
    {
        _remaining = compound;
        _allowReducedSize = allowReducedSize;
    }

    /// <summary>Reads and checks every packet; <see cref="RtcpParseStatus.Success"/> when all are valid.</summary>
    public static RtcpParseStatus Validate(ReadOnlySpan<byte> compound, bool allowReducedSize = false)
    {
        var reader = new RtcpCompoundReader(compound, allowReducedSize);
        RtcpParseStatus status;
        while ((status = reader.TryReadNext(out _)) == RtcpParseStatus.Success)
        {
        }

        return status == RtcpParseStatus.End ? RtcpParseStatus.Success : status;
    }

    /// <summary>
    /// Reads the next packet. Returns <see cref="RtcpParseStatus.End"/> after the last one; after an
    /// error the rest of the datagram is abandoned (the following calls return <see cref="RtcpParseStatus.End"/>).
    /// </summary>
    public RtcpParseStatus TryReadNext(out RtcpPacket packet)
    {
        packet = default;
        if (_remaining.IsEmpty)
        {
            return _first ? RtcpParseStatus.TooShort : RtcpParseStatus.End;
        }

        var status = ReadPacket(out packet);
        _first = false;
        if (status != RtcpParseStatus.Success)
        {
            _remaining = default;
            packet = default;
        }

        return status;
    }

    private RtcpParseStatus ReadPacket(out RtcpPacket packet)
    {
        packet = default;
        var data = _remaining;
        if (data.Length < RtcpPacket.HeaderLength)
        {
            return RtcpParseStatus.TooShort;
        }

        if (data[0] >> 6 != RtpHeader.Version)
        {
            return RtcpParseStatus.BadVersion;
        }

        var type = (RtcpPacketType)data[1];
        if (_first && !_allowReducedSize && type is not (RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport))
        {
            return RtcpParseStatus.FirstPacketNotReport;
        }

        var length = 4 * (BinaryPrimitives.ReadUInt16BigEndian(data[2..]) + 1);
        if (length > data.Length)
        {
            return RtcpParseStatus.BadLength;
        }

        var raw = data[..length];
        var body = raw[RtcpPacket.HeaderLength..];
        if ((data[0] & 0x20) != 0)
        {
            var padding = raw[^1];
            if (length != data.Length || padding == 0 || padding > body.Length)
            {
                return RtcpParseStatus.BadPadding;
            }

            body = body[..^padding];
        }

        var count = data[0] & 0x1F;
        var structure = CheckStructure(type, count, body);
        if (structure != RtcpParseStatus.Success)
        {
            return structure;
        }

        _remaining = data[length..];
        packet = new RtcpPacket(type, count, raw, body);
        return RtcpParseStatus.Success;
    }

    private static RtcpParseStatus CheckStructure(RtcpPacketType type, int count, ReadOnlySpan<byte> body) => type switch
    {
        RtcpPacketType.SenderReport =>
            body.Length >= 4 + RtcpSenderInfo.Length + (count * RtcpReportBlock.Length) ? RtcpParseStatus.Success : RtcpParseStatus.TruncatedReport,
        RtcpPacketType.ReceiverReport =>
            body.Length >= 4 + (count * RtcpReportBlock.Length) ? RtcpParseStatus.Success : RtcpParseStatus.TruncatedReport,
        RtcpPacketType.SourceDescription =>
            RtcpSdesReader.IsWellFormed(body, count) ? RtcpParseStatus.Success : RtcpParseStatus.MalformedSourceDescription,
        RtcpPacketType.Goodbye => IsWellFormedGoodbye(body, count) ? RtcpParseStatus.Success : RtcpParseStatus.MalformedGoodbye,
        _ => RtcpParseStatus.Success,
    };

    private static bool IsWellFormedGoodbye(ReadOnlySpan<byte> body, int count)
    {
        var reasonStart = 4 * count;
        if (body.Length < reasonStart)
        {
            return false;
        }

        return body.Length == reasonStart || body[reasonStart] <= body.Length - reasonStart - 1;
    }
}
