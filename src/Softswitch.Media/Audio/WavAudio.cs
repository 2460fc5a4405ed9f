namespace Softswitch.Media.Audio;

/// <summary>A whole WAV file decoded to interleaved 16-bit PCM.</summary>
/// <param name="Format">The file's format (its encoding, not the 16-bit delivery format).</param>
/// <param name="Samples">Interleaved samples; frames = Samples.Length / Format.Channels.</param>
public sealed record WavAudio(WavFormat Format, short[] Samples);
