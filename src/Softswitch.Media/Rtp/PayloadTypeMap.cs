namespace Softswitch.Media.Rtp;

/// <summary>
/// Rewrites RTP payload type numbers in place while relaying, for when the two legs negotiated different
/// dynamic numbers for the same format (e.g. telephone-event 101 on one side, 96 on the other).
/// A 128-entry table: one array read per packet.
/// </summary>
/// <remarks>Not thread-safe for writers: fill it before the relay starts, or replace the whole map.</remarks>
public sealed class PayloadTypeMap
{
    private const short Unmapped = -1;
    private readonly short[] _table = new short[128];

    /// <summary>
    /// Creates an empty map. With <paramref name="dropUnmapped"/> a payload type with no entry is refused
    /// (the packet should be dropped: the leg never negotiated it); otherwise it passes unchanged.
    /// </summary>
    public PayloadTypeMap(bool dropUnmapped = false)
    {
        DropUnmapped = dropUnmapped;
        _table.AsSpan().Fill(Unmapped);
    }

    /// <summary>Whether payload types with no entry are refused rather than passed through.</summary>
    public bool DropUnmapped { get; }

    /// <summary>Maps <paramref name="from"/> to <paramref name="to"/> (use equal numbers to allow a type unchanged).</summary>
    public PayloadTypeMap Add(byte from, byte to)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, (byte)127);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, (byte)127);
        _table[from] = to;
        return this;
    }

    /// <summary>The number <paramref name="from"/> becomes, if it has an entry.</summary>
    public bool TryGet(byte from, out byte to)
    {
        var mapped = from < 128 ? _table[from] : Unmapped;
        to = mapped == Unmapped ? from : (byte)mapped;
        return mapped != Unmapped;
    }

    /// <summary>
    /// Rewrites the payload type of the RTP packet in <paramref name="packet"/>, keeping the marker bit.
    /// Returns false (packet untouched) when it is shorter than an RTP header or its type is refused.
    /// </summary>
    public bool TryRewrite(Span<byte> packet)
    {
        if (packet.Length < RtpHeader.FixedLength)
        {
            return false;
        }

        var second = packet[1];
        var mapped = _table[second & 0x7F];
        if (mapped == Unmapped)
        {
            return !DropUnmapped;
        }

        packet[1] = (byte)((second & 0x80) | (byte)mapped);
        return true;
    }
}
