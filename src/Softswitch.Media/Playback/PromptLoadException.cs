namespace Softswitch.Media.Playback;

/// <summary>
/// A prompt could not be loaded or encoded: the file is missing or unreadable, or no codec exists for the stream.
/// The caller logs it and carries on with the call.
/// </summary>
public sealed class PromptLoadException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with a human-readable <paramref name="reason"/>.</summary>
    public PromptLoadException(string path, string reason, Exception? innerException = null)
        : base($"Cannot load prompt '{path}': {reason}", innerException)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The prompt's file path (or tone description).</summary>
    public string Path { get; }

    /// <summary>Why it could not be loaded.</summary>
    public string Reason { get; }
}
