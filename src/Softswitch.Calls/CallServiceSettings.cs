using Softswitch.Calls.Presence;
using Softswitch.Calls.Signalling;
using Softswitch.Calls.Supervision;
using Softswitch.Sip.Dialogs;

namespace Softswitch.Calls;

/// <summary>What the call layer needs from the host's configuration, read once at start.</summary>
public sealed record CallServiceSettings
{
    /// <summary>Our domain, realm, listen addresses and the dispatcher's workers.</summary>
    public required SignallingOptions Signalling { get; init; }

    /// <summary>The Contact our sessions put in their requests and responses, and their timers.</summary>
    public required InviteSessionOptions Sessions { get; init; }

    public required CallLimits Limits { get; init; }

    /// <summary>Folders as full paths: recordings go below the first, prompts are read from the second.</summary>
    public required string RecordingsFolder { get; init; }

    public required string SoundsFolder { get; init; }

    public required string DefaultLanguage { get; init; }

    /// <summary>Strict RTP latching: how long a peer's media must be silent before another source may replace it.</summary>
    public required TimeSpan RelatchAfter { get; init; }

    /// <summary>The keys an agent presses to pause and resume a call's recording (PCI).</summary>
    public Media.RecordingPauseCodes RecordingPauseCodes { get; init; } = new();

    /// <summary>Music on hold, a class under sounds/music/.</summary>
    public string MusicOnHold { get; init; } = "default";

    public required DialogSubscriptionOptions Subscriptions { get; init; }
}
