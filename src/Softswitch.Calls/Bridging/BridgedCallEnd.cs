namespace Softswitch.Calls.Bridging;

/// <summary>How a bridged call ended, in the words of the call record.</summary>
/// <param name="Cause">normal, busy, no_answer, cancelled, declined, unavailable, failed, rtp_timeout, max_duration, shutdown.</param>
/// <param name="Side">caller, callee or switch: who ended it.</param>
/// <param name="SipStatus">The final status the caller got when the call was never answered.</param>
public sealed record BridgedCallEnd(string Cause, string Side, int? SipStatus = null)
{
    public static BridgedCallEnd CallerHungUp { get; } = new("normal", "caller");

    public static BridgedCallEnd CalleeHungUp { get; } = new("normal", "callee");

    public static BridgedCallEnd Cancelled { get; } = new("cancelled", "caller", 487);

    /// <summary>Rang for the ring time with nobody answering: the caller gets 480.</summary>
    public static BridgedCallEnd NoAnswer { get; } = new("no_answer", "callee", 480);

    /// <summary>The cause for an unanswered call from the status the caller was given.</summary>
    public static BridgedCallEnd Unanswered(int status) => new(status switch
    {
        486 or 600 => "busy",
        603 => "declined",
        404 or 408 or 480 => "unavailable",
        _ => "failed",
    }, "callee", status);
}
