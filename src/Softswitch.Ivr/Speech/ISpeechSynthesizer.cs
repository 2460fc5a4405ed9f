namespace Softswitch.Ivr.Speech;

/// <summary>
/// Synthesizes text to a WAV file for a <c>speak</c> node when no recorded prompt exists, cached on disk per text,
/// voice and sample rate so the same sentence is synthesized once.
/// </summary>
public interface ISpeechSynthesizer
{
    /// <summary>The cached (or newly written) WAV's path, or null with the reason logged when synthesis failed.</summary>
    Task<string?> SynthesizeAsync(string text, string language, CancellationToken cancellationToken = default);
}
