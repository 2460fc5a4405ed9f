namespace Softswitch.Media.Recording;

/// <summary>Why a <see cref="MessageRecorder"/> ended.</summary>
public enum MessageRecorderStop
{
    /// <summary>The caller was silent for the silence timeout after speaking.</summary>
    Silence,

    /// <summary>The message reached its maximum length.</summary>
    MaxLength,

    /// <summary>Its owner stopped it (a key, a hang-up).</summary>
    Stopped,
}
