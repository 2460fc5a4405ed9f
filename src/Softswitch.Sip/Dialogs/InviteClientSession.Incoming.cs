using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// Requests the callee sends in the dialog (§12.2.2): BYE ends the call; the rest goes to the dialog usage, as on the
/// answering side (re-INVITE and INFO to the owner, UPDATE, OPTIONS, REFER, NOTIFY...). ACKs for our 2xx to a re-INVITE.
/// </summary>
public sealed partial class InviteClientSession
{
    internal void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        Action? notify;
        lock (_gate)
        {
            if (Dialog is null || request.From.Tag != Dialog.RemoteTag
                || State is not (InviteClientSessionState.Answered or InviteClientSessionState.Confirmed or InviteClientSessionState.Terminating))
            {
                transaction.Respond(481);
                return;
            }

            if (!Dialog.TryAcceptRemoteCSeq(request.CSeq.Number))
            {
                transaction.Respond(500, "CSeq Out of Order");
                return;
            }

            if (request.Method == SipMethod.Bye)
            {
                // §15.1.2: 200, then the call is over; if our own BYE was already out, our hang-up is what the owner hears.
                transaction.Respond(200);
                _usage.AnswerPendingOfferLocked(487);
                notify = FinishLocked(() => _owner.OnEnded(this, InviteClientEnding.RemoteHangup));
            }
            else
            {
                notify = _usage.OnRequestLocked(transaction);
            }
        }

        notify?.Invoke();
    }

    /// <summary>The ACK for our 2xx to the callee's re-INVITE: stops its retransmission (§13.3.1.4).</summary>
    internal void OnAck(SipRequest ack)
    {
        lock (_gate)
        {
            if (Dialog is null || ack.From.Tag != Dialog.RemoteTag) return;
            _usage.TryAcceptAckLocked(ack);
        }
    }
}
