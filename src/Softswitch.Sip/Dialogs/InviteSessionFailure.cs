namespace Softswitch.Sip.Dialogs;

/// <summary>Why a session ended on its own.</summary>
public enum InviteSessionFailure
{
    /// <summary>Our 2xx was retransmitted for 64·T1 and no ACK came (§13.3.1.4); a BYE was sent.</summary>
    AckTimeout,
    /// <summary>The transport could not deliver our response to the caller (§17.2.4).</summary>
    TransportError,
}
