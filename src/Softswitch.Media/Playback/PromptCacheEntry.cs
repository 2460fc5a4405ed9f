namespace Softswitch.Media.Playback;

/// <summary>One cached encoding, made on first use by whichever caller gets there first.</summary>
internal sealed record PromptCacheEntry(PromptFileStamp Stamp, Lazy<EncodedAudio> Audio);
