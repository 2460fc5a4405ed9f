namespace Softswitch.Media.Codecs;

/// <summary>
/// G.711 µ-law (RTP static payload type 0, RFC 3551): 8 kHz mono, one byte per sample, 160 bytes per 20 ms.
/// Stateless, so one instance may be shared; <see cref="Dispose"/> does nothing.
/// </summary>
public sealed class PcmuCodec : IAudioCodec
{
    /// <summary>The RTP static payload type of PCMU.</summary>
    public const int PayloadType = 0;

    /// <summary>A shared instance (the codec has no state).</summary>
    public static PcmuCodec Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "PCMU";

    /// <inheritdoc />
    public int ClockRate => 8000;

    /// <inheritdoc />
    public int SampleRate => 8000;

    /// <inheritdoc />
    public int Channels => 1;

    /// <inheritdoc />
    public int FrameSamples => 160;

    /// <inheritdoc />
    public int MaxPayloadBytes => 160;

    /// <inheritdoc />
    public bool SupportsConcealment => false;

    /// <inheritdoc />
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload) =>
        payload.Length < pcm.Length ? -1 : MuLaw.Encode(pcm, payload);

    /// <inheritdoc />
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm) =>
        pcm.Length < payload.Length ? -1 : MuLaw.Decode(payload, pcm);

    /// <inheritdoc />
    public int Conceal(Span<short> pcm) => 0;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
