namespace Softswitch.Media.Codecs;

/// <summary>
/// One RTP audio codec instance for one direction pair of one stream. Encoders and decoders of stateful codecs
/// (Opus) keep history, so a call leg owns its own instance. All members are allocation-free.
/// </summary>
public interface IAudioCodec : IDisposable
{
    /// <summary>The SDP encoding name, e.g. <c>PCMU</c>, <c>PCMA</c>, <c>opus</c>.</summary>
    string Name { get; }

    /// <summary>The RTP clock rate (timestamp units per second), e.g. 8000 for G.711, 48000 for Opus.</summary>
    int ClockRate { get; }

    /// <summary>Sample rate of the PCM this instance encodes from and decodes to.</summary>
    int SampleRate { get; }

    /// <summary>Number of interleaved PCM channels this instance encodes from and decodes to.</summary>
    int Channels { get; }

    /// <summary>Samples per channel in one 20 ms frame at <see cref="SampleRate"/> (160 for G.711, 960 for Opus).</summary>
    int FrameSamples { get; }

    /// <summary>Largest payload <see cref="Encode"/> can produce for one 20 ms frame; size buffers with it.</summary>
    int MaxPayloadBytes { get; }

    /// <summary>True when <see cref="Conceal"/> synthesises audio for a lost packet (otherwise the caller plays silence).</summary>
    bool SupportsConcealment { get; }

    /// <summary>Encodes interleaved PCM (normally one 20 ms frame) into <paramref name="payload"/>.</summary>
    /// <returns>Bytes written, or a negative value when the codec rejected the input (never throws on bad audio).</returns>
    int Encode(ReadOnlySpan<short> pcm, Span<byte> payload);

    /// <summary>Decodes one RTP payload into interleaved PCM.</summary>
    /// <returns>Samples written per channel, or a negative value when the payload is corrupt (never throws on bad input).</returns>
    int Decode(ReadOnlySpan<byte> payload, Span<short> pcm);

    /// <summary>Packet loss concealment: produces <paramref name="pcm"/>.Length / Channels samples per channel for a missing packet.</summary>
    /// <returns>Samples written per channel; 0 when the codec has no concealment.</returns>
    int Conceal(Span<short> pcm);
}
