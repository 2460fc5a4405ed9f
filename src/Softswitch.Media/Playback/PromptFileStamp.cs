namespace Softswitch.Media.Playback;

/// <summary>The version of a prompt file an encoding was made from; a different stamp means the file changed.</summary>
internal readonly record struct PromptFileStamp(long Length, DateTime LastWriteUtc);
