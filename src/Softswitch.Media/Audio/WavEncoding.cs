namespace Softswitch.Media.Audio;

/// <summary>Sample encodings <see cref="WavReader"/> understands (all delivered as 16-bit PCM).</summary>
public enum WavEncoding
{
    /// <summary>Linear PCM, 16-bit signed little-endian (WAVE_FORMAT_PCM or EXTENSIBLE with the PCM subformat).</summary>
    Pcm16,

    /// <summary>G.711 µ-law, 8 bits per sample (WAVE_FORMAT_MULAW, 7).</summary>
    MuLaw,

    /// <summary>G.711 A-law, 8 bits per sample (WAVE_FORMAT_ALAW, 6).</summary>
    ALaw,
}
