namespace Softswitch.Ivr.Speech;

/// <summary>How <see cref="EspeakSynthesizer"/> runs espeak-ng and where it keeps what it made.</summary>
public sealed class EspeakSynthesizerOptions
{
    /// <summary>Folder of synthesized WAVs, one file per text, voice and rate (created when missing).</summary>
    public required string CacheFolder { get; init; }

    /// <summary>Rate of the cached WAVs: 8000 (telephone band) or 16000 (wideband).</summary>
    public int SampleRate { get; init; } = 8000;

    /// <summary>The espeak-ng executable: a name looked up on PATH or a full path.</summary>
    public string EspeakPath { get; init; } = "espeak-ng";

    /// <summary>Speaking speed in words per minute (espeak-ng's -s); the committed prompts use 150.</summary>
    public int WordsPerMinute { get; init; } = 150;

    /// <summary>How long one synthesis may take before espeak-ng is killed and the text given up.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Texts longer than this are refused (a flow's sentence, not a book).</summary>
    public int MaxTextLength { get; init; } = 1000;

    /// <summary>
    /// The most the cache folder may hold (256 MiB: some 16 hours of 8 kHz speech); past it the least recently used files
    /// go. A text can carry what callers typed, so the cache would otherwise grow with every new number.
    /// </summary>
    public long MaxCacheBytes { get; init; } = 256L * 1024 * 1024;
}
