namespace Softswitch.Sip.Dialogs;

/// <summary>Why a session ended on its own.</summary>
public enum InviteSessionFailure
{
    /// <summary>Our 2xx was retransmitted for 64·T1 and no ACK came (§13.3.1.4); a BYE was sent.</summary>
    AckTimeout,
    /// <summary>The transport could not deliver our response to the caller (§17.2.4).</summary>
    TransportError,
    /// <summary>No session refresh arrived in time (RFC 4028 §10); a BYE with a Reason header was sent.</summary>
    SessionTimerExpired,
    /// <summary>
    /// A request of ours in the dialog was answered 408 or 481, or not at all (RFC 3261 §12.2.1.2, RFC 5057): the
    /// peer lost the dialog. A BYE was sent unless the answer was 481.
    /// </summary>
    DialogLost,
}
