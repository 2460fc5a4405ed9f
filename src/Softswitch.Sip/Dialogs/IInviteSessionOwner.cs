namespace Softswitch.Sip.Dialogs;

/// <summary>
/// What an <see cref="InviteServerSession"/> tells the call that owns it. Calls come from socket and timer threads,
/// never under the session's lock, one at a time per event; an implementation posts them to its own mailbox and
/// returns at once (it may call back into the session from there).
/// </summary>
public interface IInviteSessionOwner
{
    /// <summary>The ACK for our 2xx arrived (initial INVITE or re-INVITE), with its SDP when the offer/answer needed one.</summary>
    void OnAcknowledged(InviteServerSession session, ReadOnlyMemory<byte> sdp);

    /// <summary>
    /// A re-INVITE in the dialog (hold, unhold, codec change): answer with <see cref="InviteServerSession.AnswerReInvite"/>
    /// or refuse with <see cref="InviteServerSession.RejectReInvite"/> (488 keeps the old session, §14.2).
    /// An empty <paramref name="offer"/> asks us to make the offer in the 2xx.
    /// </summary>
    void OnReInvite(InviteServerSession session, ReadOnlyMemory<byte> offer);

    /// <summary>An INFO in the dialog (e.g. <c>application/dtmf-relay</c>); already answered 200.</summary>
    void OnInfo(InviteServerSession session, string? contentType, ReadOnlyMemory<byte> body);

    /// <summary>The peer hung up with BYE; already answered 200 and the session is terminated.</summary>
    void OnBye(InviteServerSession session);

    /// <summary>The caller cancelled before we answered: 200 to the CANCEL and 487 to the INVITE went out (§9.2).</summary>
    void OnCancelled(InviteServerSession session);

    /// <summary>The session ended on its own (no ACK, transport failure); for no ACK a BYE was sent.</summary>
    void OnFailed(InviteServerSession session, InviteSessionFailure failure);
}
