using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>The <c>recording</c> section: how an agent pauses a recorded call while card details are taken (PCI).</summary>
public sealed class RecordingOptions
{
    /// <summary>Keys the agent presses to pause the recording (silence is written meanwhile).</summary>
    [ConfigurationKeyName("pause_code")]
    public string PauseCode { get; set; } = Calls.Media.RecordingPauseCodes.DefaultPause;

    /// <summary>Keys the agent presses to record again.</summary>
    [ConfigurationKeyName("resume_code")]
    public string ResumeCode { get; set; } = Calls.Media.RecordingPauseCodes.DefaultResume;
}
