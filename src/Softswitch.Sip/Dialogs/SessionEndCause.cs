namespace Softswitch.Sip.Dialogs;

/// <summary>Why the dialog layer itself ends an established session.</summary>
internal enum SessionEndCause
{
    /// <summary>Our 2xx to a re-INVITE got no ACK within 64·T1 (RFC 3261 §13.3.1.4, §14.2): BYE.</summary>
    AckTimeout,
    /// <summary>No session refresh arrived before the session interval ran out (RFC 4028 §10): BYE with Reason.</summary>
    SessionTimerExpired,
    /// <summary>A request in the dialog was answered 481: the peer has no such dialog any more (RFC 5057 §5.1), no BYE.</summary>
    DialogGone,
    /// <summary>A request in the dialog was answered 408 or not at all (RFC 3261 §12.2.1.2): BYE.</summary>
    NoResponse,
}
