namespace Softswitch.Media.Playback;

/// <summary>What one <c>stat</c> of a prompt file said, and when (a <see cref="TimeProvider"/> timestamp).</summary>
internal readonly record struct PromptFileCheck(bool Exists, PromptFileStamp Stamp, long CheckedAt);
