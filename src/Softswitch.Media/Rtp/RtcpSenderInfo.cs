using System.Buffers.Binary;

namespace Softswitch.Media.Rtp;

/// <summary>The sender information section of an SR (RFC 3550 §6.4.1), 20 bytes on the wire.</summary>
/// <param name="NtpTime">Wall-clock time when the report was sent.</param>
/// <param name="RtpTimestamp">The same instant in the RTP clock of the stream.</param>
/// <param name="PacketCount">RTP packets sent since the start.</param>
/// <param name="OctetCount">Payload octets sent since the start (headers and padding excluded).</param>
public readonly record struct RtcpSenderInfo(NtpTimestamp NtpTime, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    /// <summary>Size of the sender info.</summary>
    public const int Length = 20;

    /// <summary>Reads sender info from the first 20 bytes of <paramref name="source"/>.</summary>
    public static RtcpSenderInfo Read(ReadOnlySpan<byte> source) => new(
        new NtpTimestamp(BinaryPrimitives.ReadUInt64BigEndian(source)),
        BinaryPrimitives.ReadUInt32BigEndian(source[8..]),
        BinaryPrimitives.ReadUInt32BigEndian(source[12..]),
        BinaryPrimitives.ReadUInt32BigEndian(source[16..]));

    /// <summary>Writes the sender info into the first 20 bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, NtpTime.Value);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], OctetCount);
    }
}
