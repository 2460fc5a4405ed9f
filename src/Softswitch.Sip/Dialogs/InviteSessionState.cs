namespace Softswitch.Sip.Dialogs;

/// <summary>Where an answered-side INVITE session stands (RFC 3261 §13.3, §15).</summary>
public enum InviteSessionState
{
    /// <summary>The INVITE arrived; only 100 Trying has gone out.</summary>
    Incoming,
    /// <summary>180 Ringing sent (an early dialog exists at the caller).</summary>
    Ringing,
    /// <summary>2xx sent and being retransmitted; the ACK has not arrived yet.</summary>
    Accepted,
    /// <summary>The ACK arrived: the call is up.</summary>
    Confirmed,
    /// <summary>Our BYE is out; waiting for its final response or timeout.</summary>
    Terminating,
    /// <summary>Over: rejected, cancelled, hung up by either side, or failed.</summary>
    Terminated,
}
