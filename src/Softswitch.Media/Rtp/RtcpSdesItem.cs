namespace Softswitch.Media.Rtp;

/// <summary>One SDES item (RFC 3550 §6.5) and the source it describes.</summary>
public readonly ref struct RtcpSdesItem
{
    internal RtcpSdesItem(uint ssrc, RtcpSdesItemType type, ReadOnlySpan<byte> value)
    {
        Ssrc = ssrc;
        Type = type;
        Value = value;
    }

    /// <summary>SSRC/CSRC of the chunk the item belongs to.</summary>
    public uint Ssrc { get; }

    /// <summary>Item type.</summary>
    public RtcpSdesItemType Type { get; }

    /// <summary>Item text (UTF-8, not terminated).</summary>
    public ReadOnlySpan<byte> Value { get; }
}
