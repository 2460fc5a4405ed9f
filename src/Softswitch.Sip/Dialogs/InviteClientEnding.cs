namespace Softswitch.Sip.Dialogs;

/// <summary>How an answered outgoing call ended.</summary>
public enum InviteClientEnding
{
    /// <summary>The callee sent BYE (§15.1.2).</summary>
    RemoteHangup,
    /// <summary>We sent BYE (<see cref="InviteClientSession.Hangup"/>) and it was answered or timed out.</summary>
    LocalHangup,
}
