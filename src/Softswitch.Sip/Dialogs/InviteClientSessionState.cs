namespace Softswitch.Sip.Dialogs;

/// <summary>Where a calling-side INVITE session stands (RFC 3261 §13.2, §15).</summary>
public enum InviteClientSessionState
{
    /// <summary>The INVITE is out; nothing heard yet.</summary>
    Calling,
    /// <summary>A provisional response without To tag arrived (100 Trying, or a 18x from a stateless peer).</summary>
    Proceeding,
    /// <summary>A provisional response with a To tag made an early dialog (§12.1.2): usually ringing.</summary>
    Early,
    /// <summary>A late-offer 2xx arrived; the ACK waits for the owner's answer (<see cref="InviteClientSession.Acknowledge"/>).</summary>
    Answered,
    /// <summary>The 2xx is acknowledged: the call is up.</summary>
    Confirmed,
    /// <summary>We cancelled before a final response; CANCEL is out, or waits for the first provisional (§9.1).</summary>
    Cancelling,
    /// <summary>Our BYE is out; waiting for its final response or timeout.</summary>
    Terminating,
    /// <summary>Over: failed, cancelled, or hung up by either side.</summary>
    Terminated,
}
