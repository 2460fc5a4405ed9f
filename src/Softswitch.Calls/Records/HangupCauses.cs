namespace Softswitch.Calls.Records;

/// <summary>The short words <see cref="CallRecord.HangupCause"/> uses (any other short lower-case word is stored as given).</summary>
public static class HangupCauses
{
    /// <summary>Answered, then one side hung up.</summary>
    public const string Normal = "normal";
    public const string Busy = "busy";
    public const string NoAnswer = "no_answer";

    /// <summary>The caller gave up before an answer (CANCEL).</summary>
    public const string Cancelled = "cancelled";
    public const string Declined = "declined";

    /// <summary>The callee is not registered or not reachable.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>Signalling failed: no ACK, a transport error, an unusable answer.</summary>
    public const string Failed = "failed";
    public const string RtpTimeout = "rtp_timeout";
    public const string MaxDuration = "max_duration";
    public const string SessionTimer = "session_timer";
    public const string Shutdown = "shutdown";

    /// <summary>This side's party transferred the call away (attended transfer): the other party talks on in another call.</summary>
    public const string Transferred = "transferred";

    /// <summary>Refused by the switch (limits, no route, not allowed).</summary>
    public const string Rejected = "rejected";
}
