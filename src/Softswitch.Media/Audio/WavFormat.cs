namespace Softswitch.Media.Audio;

/// <summary>The format of a WAV file's data chunk.</summary>
/// <param name="Encoding">How samples are stored in the file.</param>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="Channels">Interleaved channels per frame.</param>
public readonly record struct WavFormat(WavEncoding Encoding, int SampleRate, int Channels)
{
    /// <summary>Bits per stored sample: 16 for PCM, 8 for G.711.</summary>
    public int BitsPerSample => Encoding == WavEncoding.Pcm16 ? 16 : 8;

    /// <summary>Bytes per frame (all channels of one sampling instant).</summary>
    public int BlockAlign => Channels * BitsPerSample / 8;
}
