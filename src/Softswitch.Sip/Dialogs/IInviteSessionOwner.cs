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

    /// <summary>
    /// The session ended on its own (no ACK, transport failure, session timer expiry, a lost dialog); a BYE was sent
    /// unless the transport failed or the peer said the dialog is gone (481).
    /// </summary>
    void OnFailed(InviteServerSession session, InviteSessionFailure failure);

    /// <summary>
    /// A request in the dialog that the session does not answer itself: REFER (RFC 3515), NOTIFY, an UPDATE with an
    /// SDP offer (RFC 3311; answer it with <c>Respond(200, contentType: "application/sdp", body: answer)</c>),
    /// SUBSCRIBE, MESSAGE, unknown methods. Answer it exactly once. The default answers as
    /// <see cref="InDialogRequest.RespondByDefault"/> says (REFER 603, NOTIFY of a transfer 200, other NOTIFY 481,
    /// UPDATE offer 488, unknown 501, other 405).
    /// </summary>
    void OnRequest(InviteServerSession session, InDialogRequest request) => request.RespondByDefault();
}
