using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Dialogs;

/// <summary>What reaches a calling session: responses to its INVITE, CANCEL and BYE, stray 2xx, and their timeouts.</summary>
public sealed partial class InviteClientSession
{
    /// <summary>A response in one of the session's client transactions (told apart by method, as CANCEL shares the INVITE's branch).</summary>
    internal void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        switch (response.CSeq.Method)
        {
            case SipMethod.Invite when response.IsProvisional:
                OnProvisionalResponse(response);
                break;
            case SipMethod.Invite when response.IsSuccess:
                OnSuccessResponse(response);
                break;
            case SipMethod.Invite:
                OnFailureResponse(response);
                break;
            case SipMethod.Bye when !response.IsProvisional:
                OnByeFinished(transaction.Key.Branch);
                break;
            default:
                // 200 to CANCEL says nothing yet: the INVITE's 487 (or 2xx) is what ends it (§9.1). The answer to a
                // PRACK changes nothing either (RFC 3262 §4): the INVITE's own responses go on as they come.
                break;
        }
    }

    /// <summary>Timer B/F or a transport failure (§8.1.3.1: as a 408). A lost CANCEL is covered by its own 64·T1 wait.</summary>
    internal void OnTimeout(ClientTransaction transaction)
    {
        Action? notify = null;
        lock (_gate)
        {
            var branch = transaction.Key.Branch;
            if (transaction.Key.Method == "INVITE" && branch == _invite?.TopVia.Branch)
            {
                notify = State switch
                {
                    InviteClientSessionState.Cancelling => FinishLocked(Failed(487, "Request Terminated")),
                    InviteClientSessionState.Calling or InviteClientSessionState.Proceeding or InviteClientSessionState.Early =>
                        FinishLocked(Failed(408, "Request Timeout")),
                    _ => null,
                };
            }
            else if (transaction.Key.Method == "BYE" && branch == _byeBranch)
            {
                notify = FinishLocked(null);
            }
        }

        notify?.Invoke();
    }

    /// <summary>
    /// A 2xx to our INVITE, from its transaction or as a stray after it ended (§13.2.2.4). The first makes the
    /// confirmed dialog (§12.1.2) and is ACKed at once, unless it carries a late offer the owner must answer; a
    /// retransmission gets the same ACK again; another fork's 2xx gets its own ACK and a BYE.
    /// </summary>
    internal void OnSuccessResponse(SipResponse response)
    {
        Action? notify = null;
        lock (_gate)
        {
            if (response.To.Tag is not { } tag || _invite is null || response.CSeq.Number != _invite.CSeq.Number) return;
            switch (State)
            {
                case InviteClientSessionState.Calling or InviteClientSessionState.Proceeding or InviteClientSessionState.Early:
                    var early = Dialog;
                    Dialog = Dialog.CreateUac(_invite, response);
                    if (early is not null) Dialog.AdvanceLocalCSeq(early.LocalCSeq); // PRACKs numbered in the early dialog
                    _usage.AcceptSessionTimerLocked(response, isInvite: true);
                    var sdp = response.Body;
                    if (_call.SdpOffer.IsEmpty && !sdp.IsEmpty)
                    {
                        State = InviteClientSessionState.Answered;
                    }
                    else
                    {
                        SendAckLocked(default);
                        State = InviteClientSessionState.Confirmed;
                    }

                    notify = () => _owner.OnAnswered(this, sdp);
                    break;
                case InviteClientSessionState.Cancelling:
                    // The callee answered as our CANCEL travelled (§9.1): the call exists, so ACK it and hang up (§15).
                    _cancelTimer?.Dispose();
                    Dialog = Dialog.CreateUac(_invite, response);
                    SendAckLocked(default);
                    _ending = Failed(487, "Request Terminated");
                    notify = SendByeLocked();
                    break;
                default:
                    if (Dialog is not null && tag == Dialog.RemoteTag)
                    {
                        if (!_ack.IsEmpty) _router.SendAck(_ack, InDialogDestination.For(Dialog, Destination));
                    }
                    else if (State != InviteClientSessionState.Terminated)
                    {
                        OnForkedSuccessLocked(response, tag);
                    }

                    break;
            }
        }

        notify?.Invoke();
    }

    /// <summary>§13.2.2.4: a 2xx from a second fork: ACK it (again for each retransmission) and end that dialog with BYE once.</summary>
    private void OnForkedSuccessLocked(SipResponse response, string tag)
    {
        _forkAcks ??= new Dictionary<string, (ReadOnlyMemory<byte>, Transport.SipEndPoint)>(StringComparer.Ordinal);
        if (_forkAcks.TryGetValue(tag, out var sent))
        {
            _router.SendAck(sent.Ack, sent.To);
            return;
        }

        var fork = Dialog.CreateUac(_invite!, response);
        var destination = InDialogDestination.For(fork, Destination);
        var ack = fork.CreateAck(NewVia(), _invite!.CSeq.Number).ToBytes();
        _forkAcks[tag] = (ack, destination);
        _router.SendAck(ack, destination);
        SendLocked(fork.CreateRequest(SipMethod.Bye, NewVia(), LocalContact), destination); // its answer is of no interest
    }

    private void OnProvisionalResponse(SipResponse response)
    {
        Action? notify = null;
        lock (_gate)
        {
            if (!IsCurrentInvite(response)) return;
            switch (State)
            {
                case InviteClientSessionState.Calling or InviteClientSessionState.Proceeding or InviteClientSessionState.Early:
                    _provisionalHeard = true;
                    if (response.To.Tag is not null && State != InviteClientSessionState.Early)
                    {
                        Dialog = Dialog.CreateUac(_invite!, response); // the early dialog (§12.1.2, §13.2.2.1)
                        State = InviteClientSessionState.Early;
                    }
                    else if (State == InviteClientSessionState.Calling)
                    {
                        State = InviteClientSessionState.Proceeding;
                    }

                    if (!OnReliableProvisionalLocked(response)) break;
                    if (response.StatusCode > 100)
                    {
                        var status = response.StatusCode;
                        var sdp = response.Body;
                        notify = () => _owner.OnProvisional(this, status, sdp);
                    }

                    break;
                case InviteClientSessionState.Cancelling:
                    _provisionalHeard = true;
                    if (!_cancelSent) SendCancelLocked(); // §9.1: held back until the callee was heard
                    break;
            }
        }

        notify?.Invoke();
    }

    /// <summary>3xx-6xx (ACKed by the transaction, §17.1.1.3): the call failed, unless a challenge can be answered once.</summary>
    private void OnFailureResponse(SipResponse response)
    {
        Action? notify;
        lock (_gate)
        {
            if (!IsCurrentInvite(response)
                || State is not (InviteClientSessionState.Calling or InviteClientSessionState.Proceeding
                    or InviteClientSessionState.Early or InviteClientSessionState.Cancelling))
            {
                return;
            }

            if (response.StatusCode is 401 or 407 && State != InviteClientSessionState.Cancelling && TryAnswerChallengeLocked(response)) return;
            if (response.StatusCode == 422 && TryRaiseIntervalLocked(response)) return;
            notify = FinishLocked(Failed(response.StatusCode, response.ReasonPhrase));
        }

        notify?.Invoke();
    }

    /// <summary>§22.2: sends the INVITE again (CSeq + 1, new branch, same Call-ID and tag) with credentials for the challenge.</summary>
    private bool TryAnswerChallengeLocked(SipResponse challenge)
    {
        if (_call.Credentials is not { } login || _challengeAnswered) return false;
        var invite = _invite!;
        if (!ClientDigest.TryAnswer(challenge, "INVITE", invite.RequestUri.ToString(), login, out var authorization)) return false;
        _challengeAnswered = true;
        _provisionalHeard = false;
        Dialog = null;
        _lastRSeq = null;
        State = InviteClientSessionState.Calling;
        SendInviteLocked(invite.CSeq.Number + 1, authorization);
        return true;
    }

    private void OnByeFinished(string branch)
    {
        Action? notify;
        lock (_gate)
        {
            if (branch != _byeBranch) return; // the BYE to a second fork
            notify = FinishLocked(null);
        }

        notify?.Invoke();
    }

    private void OnCancelGaveUp()
    {
        Action? notify;
        ClientTransaction? abandoned;
        lock (_gate)
        {
            if (State != InviteClientSessionState.Cancelling) return;
            notify = FinishLocked(Failed(487, "Request Terminated"));
            abandoned = _inviteTransaction;
        }

        // §9.1: the INVITE counts as cancelled, and its transaction is destroyed (outside our lock: it takes its own).
        abandoned?.Abandon();
        notify?.Invoke();
    }

    /// <summary>A response to the INVITE we last sent, not to the one a challenge replaced.</summary>
    private bool IsCurrentInvite(SipResponse response) => response.TopVia.Branch == _invite?.TopVia.Branch;
}
