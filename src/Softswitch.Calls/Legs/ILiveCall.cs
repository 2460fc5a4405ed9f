namespace Softswitch.Calls.Legs;

/// <summary>
/// A call in the <see cref="CallRegistry"/>, whatever runs it (a feature the switch answers itself, or a bridge
/// between two parties): what the shutdown drain needs of it, and a description for those who watch calls.
/// </summary>
public interface ILiveCall
{
    /// <summary>The caller's Call-ID.</summary>
    string CallId { get; }

    /// <summary>The switch's own id for the call (UUIDv7): it names the recording and the call record.</summary>
    string Uuid { get; }

    /// <summary>Completes once the call is over and its media, recording and ports are released.</summary>
    Task WhenReleased { get; }

    /// <summary>Completes once the call's signalling is over too (our BYEs answered or given up).</summary>
    Task WhenSignallingEnded { get; }

    /// <summary>The switch is stopping: BYE to every answered leg, 480/CANCEL to the rest.</summary>
    void HangupForShutdown();

    /// <summary>What the call is doing now: its legs, their states and codecs. Safe from any thread.</summary>
    LiveCallInfo Describe();
}
