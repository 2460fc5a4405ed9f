namespace Softswitch.Media.Codecs;

/// <summary>
/// What µ-law and A-law share (ITU-T G.711, RFC 3551): 8 kHz mono, one byte per sample, 160 bytes per 20 ms,
/// no state (one instance may be shared; <see cref="Dispose"/> does nothing) and no concealment of its own.
/// </summary>
public abstract class G711Codec : IAudioCodec
{
    private protected G711Codec(string name) => Name = name;

    /// <inheritdoc />
    public string Name { get; }

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
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload) => payload.Length < pcm.Length ? -1 : EncodeSamples(pcm, payload);

    /// <inheritdoc />
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm) => pcm.Length < payload.Length ? -1 : DecodeSamples(payload, pcm);

    /// <inheritdoc />
    public int Conceal(Span<short> pcm) => 0;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private protected abstract int EncodeSamples(ReadOnlySpan<short> pcm, Span<byte> payload);

    private protected abstract int DecodeSamples(ReadOnlySpan<byte> payload, Span<short> pcm);
}
