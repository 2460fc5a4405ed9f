namespace Softswitch.Calls.Supervision;

/// <summary>
/// How many calls the switch takes and how long one may last: the defences against calls that are never ended
/// (media held forever) and against one phone or one flood taking every media port.
/// </summary>
public sealed record CallLimits
{
    /// <summary>Calls at once, whoever places them; over it a new call gets 503 with Retry-After. 0: no limit.</summary>
    public int MaxCalls { get; init; } = 2500;

    /// <summary>Calls at once placed by one authenticated extension. 0: no limit.</summary>
    public int MaxCallsPerExtension { get; init; } = 4;

    /// <summary>No RTP nor RTCP from the peer for this long while the call is not on hold: BYE. Zero: never.</summary>
    public TimeSpan RtpTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The same while the call is on hold in either direction (music or silence may not flow). Zero: never.</summary>
    public TimeSpan HoldTimeout { get; init; } = TimeSpan.FromSeconds(3600);

    /// <summary>Longest a call may last from its answer: BYE. Zero: no limit.</summary>
    public TimeSpan MaxCallLength { get; init; } = TimeSpan.FromSeconds(14400);

    /// <summary>How often one sweep checks every answered call: the timeouts are this coarse.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The Retry-After of a 503 for a limit (RFC 3261 §21.5.4).</summary>
    public int RetryAfterSeconds { get; init; } = 10;
}
