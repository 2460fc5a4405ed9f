namespace Softswitch.Media.Codecs;

/// <summary>G.711 µ-law (RTP static payload type 0, RFC 3551).</summary>
public sealed class PcmuCodec : G711Codec
{
    /// <summary>The RTP static payload type of PCMU.</summary>
    public const int PayloadType = 0;

    private PcmuCodec() : base("PCMU")
    {
    }

    /// <summary>A shared instance (the codec has no state).</summary>
    public static PcmuCodec Instance { get; } = new();

    private protected override int EncodeSamples(ReadOnlySpan<short> pcm, Span<byte> payload) => MuLaw.Encode(pcm, payload);

    private protected override int DecodeSamples(ReadOnlySpan<byte> payload, Span<short> pcm) => MuLaw.Decode(payload, pcm);
}
