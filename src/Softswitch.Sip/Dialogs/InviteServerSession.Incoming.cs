using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Dialogs;

/// <summary>What reaches the session from the peer: CANCEL, ACK, in-dialog requests and the outcome of our BYE.</summary>
public sealed partial class InviteServerSession
{
    /// <summary>
    /// §9.2: a CANCEL matched our INVITE. Unanswered: 200 to the CANCEL, 487 to the INVITE, the owner hears
    /// Cancelled. Already answered: the CANCEL still gets 200 but changes nothing (§9.2, §15).
    /// </summary>
    internal void OnCancel(ServerTransaction cancel)
    {
        lock (_gate)
        {
            Send(cancel, 200, withContact: false);
            if (State is not (InviteSessionState.Incoming or InviteSessionState.Ringing)) return;
            Send(_invite, 487, withContact: false);
            FinishLocked();
        }

        _owner.OnCancelled(this);
    }

    /// <summary>An ACK for a 2xx (its own branch, so no transaction took it): stops the retransmission it answers.</summary>
    internal void OnAck(SipRequest ack)
    {
        bool sendBye;
        lock (_gate)
        {
            if (!_usage.TryAcceptAckLocked(ack)) return; // a late copy of an ACK already seen
            if (State == InviteSessionState.Accepted) State = InviteSessionState.Confirmed;
            sendBye = _hangupAfterAck && State == InviteSessionState.Confirmed;
            if (sendBye) SendByeLocked();
        }

        if (!sendBye) _owner.OnAcknowledged(this, ack.Body);
    }

    /// <summary>
    /// A request the peer sent in this dialog (To tag ours), other than ACK and CANCEL (§12.2.2): BYE ends the call;
    /// the rest goes to the dialog usage (re-INVITE, UPDATE, INFO, OPTIONS here or to the owner).
    /// </summary>
    internal void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        Action? notify;
        lock (_gate)
        {
            if (State == InviteSessionState.Terminated)
            {
                Send(transaction, 481, withContact: false);
                return;
            }

            if (!Dialog.TryAcceptRemoteCSeq(request.CSeq.Number))
            {
                Send(transaction, 500, withContact: false, reason: "CSeq Out of Order");
                return;
            }

            notify = request.Method == SipMethod.Bye ? OnByeLocked(transaction) : _usage.OnRequestLocked(transaction);
        }

        notify?.Invoke();
    }

    /// <summary>Our BYE was answered: any final response ends the session (§15.1.1).</summary>
    internal void OnByeResponse(SipResponse response)
    {
        if (response.IsProvisional) return;
        lock (_gate) FinishLocked();
    }

    /// <summary>Our BYE timed out (Timer F) or could not be sent: the session is over all the same.</summary>
    internal void OnByeTimeout()
    {
        lock (_gate) FinishLocked();
    }

    /// <summary>The transport failed on a response of ours (§17.2.4): nothing more can reach the caller.</summary>
    internal void OnTransportFailure(ServerTransaction transaction)
    {
        lock (_gate)
        {
            var ours = ReferenceEquals(transaction, _invite) || _usage.IsUnacked(transaction);
            if (!ours || !FinishLocked()) return;
        }

        _owner.OnFailed(this, InviteSessionFailure.TransportError);
    }

    /// <summary>§15.1.2: 200 to the BYE; anything still pending gets 487; the owner hears Bye unless it hung up first.</summary>
    private Action? OnByeLocked(ServerTransaction bye)
    {
        Send(bye, 200, withContact: false);
        _usage.AnswerPendingOfferLocked(487);
        if (State is InviteSessionState.Incoming or InviteSessionState.Ringing) Send(_invite, 487, withContact: false);
        var wasEnding = State == InviteSessionState.Terminating || _hangupAfterAck;
        FinishLocked();
        return wasEnding ? null : () => _owner.OnBye(this);
    }
}
