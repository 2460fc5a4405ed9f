namespace Softswitch.Sip.Dialogs;

/// <summary>How an answered outgoing call ended.</summary>
public enum InviteClientEnding
{
    /// <summary>The callee sent BYE (§15.1.2).</summary>
    RemoteHangup,
    /// <summary>We sent BYE (<see cref="InviteClientSession.Hangup"/>) and it was answered or timed out.</summary>
    LocalHangup,
    /// <summary>No session refresh arrived in time (RFC 4028 §10); we sent BYE with a Reason header.</summary>
    SessionTimerExpired,
    /// <summary>A request of ours in the dialog got 408/481 or no answer (RFC 5057); BYE sent unless it was 481.</summary>
    DialogLost,
    /// <summary>Our 2xx to the callee's re-INVITE got no ACK within 64·T1 (§13.3.1.4); we sent BYE.</summary>
    AckTimeout,
}
