namespace Softswitch.Media.Codecs;

/// <summary>G.711 A-law (RTP static payload type 8, RFC 3551).</summary>
public sealed class PcmaCodec : G711Codec
{
    /// <summary>The RTP static payload type of PCMA.</summary>
    public const int PayloadType = 8;

    private PcmaCodec() : base("PCMA")
    {
    }

    /// <summary>A shared instance (the codec has no state).</summary>
    public static PcmaCodec Instance { get; } = new();

    private protected override int EncodeSamples(ReadOnlySpan<short> pcm, Span<byte> payload) => ALaw.Encode(pcm, payload);

    private protected override int DecodeSamples(ReadOnlySpan<byte> payload, Span<short> pcm) => ALaw.Decode(payload, pcm);
}
