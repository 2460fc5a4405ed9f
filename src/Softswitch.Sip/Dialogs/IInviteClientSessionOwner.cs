namespace Softswitch.Sip.Dialogs;

/// <summary>
/// What an <see cref="InviteClientSession"/> tells the call that owns it. Calls come from socket and timer threads,
/// never under the session's lock, one at a time per event; an implementation posts them to its own mailbox and
/// returns at once (it may call back into the session from there). Every session ends with exactly one of
/// <see cref="OnFailed"/> (never answered) or <see cref="OnEnded"/> (was answered), when it enters Terminated.
/// </summary>
public interface IInviteClientSessionOwner
{
    /// <summary>
    /// A provisional response other than 100 (180 Ringing, 183 Session Progress); <paramref name="sdp"/> is its
    /// body, non-empty for early media (RFC 3960). A To tag in it made an early dialog (§12.1.2).
    /// </summary>
    void OnProvisional(InviteClientSession session, int statusCode, ReadOnlyMemory<byte> sdp);

    /// <summary>
    /// The callee answered with a 2xx: <paramref name="sdp"/> is its body. With an offer in our INVITE it is the answer
    /// and the ACK has gone out; with a late offer it is the callee's offer and the session waits for
    /// <see cref="InviteClientSession.Acknowledge"/> to send the ACK carrying our answer.
    /// </summary>
    void OnAnswered(InviteClientSession session, ReadOnlyMemory<byte> sdp);

    /// <summary>
    /// The call was never answered: a final 3xx-6xx (<paramref name="statusCode"/> and reason phrase as received),
    /// 408 when the INVITE timed out or could not be sent (§8.1.3.1), 487 when we cancelled it.
    /// </summary>
    void OnFailed(InviteClientSession session, int statusCode, string reason);

    /// <summary>An answered call is over: the callee sent BYE (already answered 200), or our hang-up finished.</summary>
    void OnEnded(InviteClientSession session, InviteClientEnding ending);

    /// <summary>
    /// A re-INVITE from the callee (hold, unhold, codec change): answer with <see cref="InviteClientSession.AnswerReInvite"/>
    /// or refuse with <see cref="InviteClientSession.RejectReInvite"/>. The default refuses it 488 (§14.2: the call goes on).
    /// </summary>
    void OnReInvite(InviteClientSession session, ReadOnlyMemory<byte> offer) => session.RejectReInvite(488);

    /// <summary>An INFO in the dialog (e.g. <c>application/dtmf-relay</c>); already answered 200. The default ignores it.</summary>
    void OnInfo(InviteClientSession session, string? contentType, ReadOnlyMemory<byte> body)
    {
    }

    /// <summary>
    /// A request in the dialog that the session does not answer itself (REFER, NOTIFY, an UPDATE with an SDP offer,
    /// SUBSCRIBE, MESSAGE, unknown methods). Answer it exactly once; the default answers as
    /// <see cref="InDialogRequest.RespondByDefault"/> says.
    /// </summary>
    void OnRequest(InviteClientSession session, InDialogRequest request) => request.RespondByDefault();
}
