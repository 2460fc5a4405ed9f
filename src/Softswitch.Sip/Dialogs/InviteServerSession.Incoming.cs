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
            if (_unacked is null || ack.CSeq.Number != _unackedCSeq) return; // a late copy of an ACK already seen
            StopRetransmittingLocked();
            if (State == InviteSessionState.Accepted) State = InviteSessionState.Confirmed;
            sendBye = _hangupAfterAck && State == InviteSessionState.Confirmed;
            if (sendBye) SendByeLocked();
        }

        if (!sendBye) _owner.OnAcknowledged(this, ack.Body);
    }

    /// <summary>A request the peer sent in this dialog (To tag ours), other than ACK and CANCEL (§12.2.2).</summary>
    internal void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        Action? notify = null;
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

            switch (request.Method)
            {
                case SipMethod.Bye:
                    notify = OnByeLocked(transaction);
                    break;
                case SipMethod.Invite:
                    notify = OnReInviteLocked(transaction);
                    break;
                case SipMethod.Info:
                    Send(transaction, 200, withContact: false);
                    var body = request.Body;
                    var contentType = request.ContentType;
                    notify = () => _owner.OnInfo(this, contentType, body);
                    break;
                case SipMethod.Options:
                    Send(transaction, 200, withContact: true);
                    break;
                case SipMethod.Unknown:
                    Send(transaction, 501, withContact: false);
                    break;
                default:
                    // UPDATE, REFER, PRACK, NOTIFY...: known methods this session does not serve (§8.2.1).
                    Send(transaction, 405, withContact: false);
                    break;
            }
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
            var ours = ReferenceEquals(transaction, _invite) || ReferenceEquals(transaction, _unacked);
            if (!ours || !FinishLocked()) return;
        }

        _owner.OnFailed(this, InviteSessionFailure.TransportError);
    }

    /// <summary>§15.1.2: 200 to the BYE; anything still pending gets 487; the owner hears Bye unless it hung up first.</summary>
    private Action? OnByeLocked(ServerTransaction bye)
    {
        Send(bye, 200, withContact: false);
        AnswerPendingReInviteLocked(487);
        if (State is InviteSessionState.Incoming or InviteSessionState.Ringing) Send(_invite, 487, withContact: false);
        var wasEnding = State == InviteSessionState.Terminating || _hangupAfterAck;
        FinishLocked();
        return wasEnding ? null : () => _owner.OnBye(this);
    }

    /// <summary>
    /// §14.2: a re-INVITE. While another re-INVITE of the peer is unanswered, or before our INVITE was answered:
    /// 500 with Retry-After (the MUST of §14.2). While our 2xx still waits for its ACK, the previous offer/answer
    /// is not settled: 491 Request Pending, so the peer retries after a random wait. Otherwise the Contact
    /// refreshes the remote target and the owner answers the offer.
    /// </summary>
    private Action? OnReInviteLocked(ServerTransaction reInvite)
    {
        if (State is InviteSessionState.Terminating)
        {
            Send(reInvite, 481, withContact: false);
            return null;
        }

        if (_pendingReInvite is not null || State is InviteSessionState.Incoming or InviteSessionState.Ringing)
        {
            var retryAfter = Random.Shared.Next(0, 11).ToString(System.Globalization.CultureInfo.InvariantCulture);
            reInvite.SendResponse(500, SipResponseBuilder.For(reInvite.Request, 500)
                .WithReceivedFrom(reInvite.Source.Address).AddHeader("Retry-After", retryAfter).ToBytes());
            return null;
        }

        if (_unacked is not null)
        {
            Send(reInvite, 491, withContact: false);
            return null;
        }

        Dialog.RefreshRemoteTarget(reInvite.Request);
        _pendingReInvite = reInvite;
        var offer = reInvite.Request.Body;
        return () => _owner.OnReInvite(this, offer);
    }
}
