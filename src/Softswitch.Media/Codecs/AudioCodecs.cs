using Softswitch.Media.Sdp;

namespace Softswitch.Media.Codecs;

/// <summary>Makes a codec instance for a negotiated format: the shared stateless G.711 ones, a new Opus per stream.</summary>
public static class AudioCodecs
{
    /// <summary>True when <see cref="Create"/> can make <paramref name="format"/> (Opus only when libopus loads).</summary>
    public static bool CanCreate(MediaFormat format) => format.EncodingName.ToUpperInvariant() switch
    {
        "PCMU" or "PCMA" => format.ClockRate == 8000,
        "OPUS" => format.ClockRate == 48000 && OpusLibrary.IsAvailable,
        _ => false,
    };

    /// <summary>
    /// A codec for <paramref name="format"/>, or null when we have none. Opus is decoded and encoded mono whatever
    /// the SDP's <c>/2</c> says (RFC 7587 §7: the receiver may decode to mono). Dispose it when the stream ends
    /// (a no-op for G.711).
    /// </summary>
    public static IAudioCodec? Create(MediaFormat format) => format.EncodingName.ToUpperInvariant() switch
    {
        "PCMU" when format.ClockRate == 8000 => PcmuCodec.Instance,
        "PCMA" when format.ClockRate == 8000 => PcmaCodec.Instance,
        "OPUS" when format.ClockRate == 48000 && OpusLibrary.IsAvailable => new OpusCodec(channels: 1),
        _ => null,
    };
}
