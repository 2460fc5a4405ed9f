using System.Buffers.Binary;

namespace Softswitch.Media.Dtmf;

/// <summary>
/// The 4-byte telephone-event payload of RFC 4733 §2.3:
/// event (8 bits) | E (1) | R (1) | volume (6) | duration (16, network order, in RTP timestamp units).
/// </summary>
/// <param name="EventCode">Event code; 0-15 are DTMF digits.</param>
/// <param name="IsEnd">The E bit: this packet reports the end of the event.</param>
/// <param name="Volume">Power level in -dBm0 (0-63); larger is quieter.</param>
/// <param name="Duration">Duration so far, in RTP timestamp units, counted from the (segment) timestamp.</param>
public readonly record struct TelephoneEventPayload(byte EventCode, bool IsEnd, byte Volume, ushort Duration)
{
    /// <summary>Size of one event block on the wire.</summary>
    public const int Size = 4;

    /// <summary>
    /// Reads the first event block. Only a payload shorter than 4 bytes fails; the R bit is ignored
    /// as §2.3 asks, and any further blocks are left to the caller.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEventPayload value)
    {
        if (payload.Length < Size)
        {
            value = default;
            return false;
        }
        value = new TelephoneEventPayload(
            payload[0],
            (payload[1] & 0x80) != 0,
            (byte)(payload[1] & 0x3F),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the block into <paramref name="destination"/> (at least 4 bytes).</summary>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"A telephone-event payload needs {Size} bytes.", nameof(destination));
        }
        destination[0] = EventCode;
        destination[1] = (byte)((IsEnd ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
    }
}
