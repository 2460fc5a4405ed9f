namespace Softswitch.Media.Playback;

/// <summary>What a cached encoding is of: a full file path (or tone description) in one codec.</summary>
/// <param name="Source">Full path of the WAV file, or the tone's description.</param>
/// <param name="EncodingName">Upper-case SDP encoding name.</param>
/// <param name="ClockRate">RTP clock rate.</param>
internal readonly record struct PromptCacheKey(string Source, string EncodingName, int ClockRate);
