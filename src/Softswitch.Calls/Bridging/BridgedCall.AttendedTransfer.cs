using Softswitch.Calls.Records;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// Attended transfer (RFC 5589 §7, RFC 3891): B talks to A in this call and to C in another call of the switch, then
/// REFERs A to C with Replaces naming its dialog with C. A and C are both legs of the switch already, so no INVITE goes
/// out: this call asks the call owning the replaced dialog (a message to its mailbox; no state of it is touched here)
/// to hand over C's leg. That call cuts its bridge, points the leg's events at this call, hangs up B's leg and ends as
/// "transferred"; this call bridges A to C inside the switch (their RTP keeps flowing to the same switch ports, so
/// neither is re-INVITEd), tells B NOTIFY 200 and hangs B up.
/// </summary>
public sealed partial class BridgedCall
{
    /// <summary>Legs another call handed over to this one: their media and ports are released with this call.</summary>
    private readonly List<CallLeg> _adopted = [];

    /// <summary>The call our handed-over leg went to; written before <see cref="_handedOver"/>, read from any thread.</summary>
    private BridgedCall? _handedOverTo;

    /// <summary>The leg this call handed over: not ours to hang up or release; events still queued for it are forwarded.</summary>
    private volatile CallLeg? _handedOver;

    /// <summary>The handed-over leg's media as it stood when it left, for this call's record.</summary>
    private CallLegRecord? _handedOverRecord;

    /// <summary>Queues <paramref name="message"/>; false once the call's loop is over (nobody would read it).</summary>
    private bool TryPost(CallEvent message) => _mailbox.Writer.TryWrite(message);

    /// <summary>
    /// True when <paramref name="session"/> is one of the two parties' dialogs. Any thread: only a hint for finding the
    /// owner, which checks again on its own loop.
    /// </summary>
    public bool HasParty(IInviteSession session) => _partyA.Dialog == session || _answered?.Dialog == session;

    /// <summary>The Replaces header carried in a Refer-To URI (<c>?Replaces=…</c>, escaped: RFC 3891 §5); null without one.</summary>
    private static string? ReplacesIn(NameAddress? referTo) =>
        referTo?.Uri.Headers["Replaces"] is { } escaped ? Uri.UnescapeDataString(escaped) : null;

    /// <summary>REFER with Replaces from a party: 202, then the other call is asked for the leg the replaced dialog talks to.</summary>
    private async ValueTask OnAttendedReferAsync(CallLeg transferor, InDialogRequest refer, string replacesValue)
    {
        if (!ReplacesHeader.TryParse(replacesValue, out var replaces))
        {
            LogTransferRefused(CallId, replacesValue);
            refer.Respond(400, "Bad Replaces");
            return;
        }

        refer.Respond(202, "Accepted");
        var transferee = transferor == _answered ? _partyA : _answered!;
        _step++;
        _transfer = new Transfer(transferor, transferee, replaces.CallId, _step);
        LogAttendedTransfer(CallId, transferor.Peer, transferee.Peer, replaces.CallId);
        _ = NotifyAsync(transferor, "SIP/2.0 100 Trying", final: false);

        var owner = _context.Sessions.FindReplaced(replaces, out var session) == ReplacesMatch.Found
            ? _context.Registry.Snapshot().OfType<BridgedCall>().FirstOrDefault(call => call != this && call.HasParty(session!))
            : null;
        if (owner is null || !owner.TryPost(new HandOverRequested(session!, this, _step)))
        {
            await FailTransferAsync(481, "Call/Transaction Does Not Exist").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Another call wants the party the replaced dialog talks to: the bridge is cut, the leg goes to that call with its
    /// media and ports, the replaced party is hung up and this call ends as transferred.
    /// </summary>
    private ValueTask OnHandOverRequested(HandOverRequested request)
    {
        var replaced = _partyA.Dialog == request.Replaced ? _partyA : _answered?.Dialog == request.Replaced ? _answered : null;
        var kept = replaced is null ? null : replaced == _partyA ? _answered : _partyA;
        if (_end is not null || _transfer is not null || kept?.Media is not { } media)
        {
            var busy = _transfer is not null;
            request.Requester.Post(new HandOverRefused(busy ? 491 : 481, busy ? "Request Pending" : "Call/Transaction Does Not Exist", request.Step));
            return ValueTask.CompletedTask;
        }

        _bridge?.Disconnect();
        _bridge = null;
        StopMusic();
        if (!request.Requester.TryPost(new LegHandedOver(kept, request.Step, _heldSlots?.TrunkOf(kept))))
        {
            // The transferring call ended meanwhile: this call goes on as it was.
            if (OnHold) UpdateHold();
            else Connect();
            return ValueTask.CompletedTask;
        }

        _heldSlots?.HandOver(kept); // the trunk slot went with the leg: released when it ends over there
        _handedOverRecord = CallLegRecord.From(media);
        _handedOverTo = request.Requester;
        _handedOver = kept;
        kept.MoveTo(request.Requester);
        LogHandedOver(CallId, kept.Peer, request.Requester.CallId);
        Finish(new BridgedCallEnd(HangupCauses.Transferred, replaced == _partyA ? HangupSides.Caller : HangupSides.Callee));
        return ValueTask.CompletedTask;
    }

    /// <summary>The other call gave us its party: it takes the transferor's place in the bridge, the transferor is told and hung up.</summary>
    private async ValueTask OnLegHandedOverAsync(LegHandedOver handedOver)
    {
        var leg = handedOver.Leg;
        _adopted.Add(leg);
        if (handedOver.TrunkSlot is { } trunk) (_heldSlots ??= new()).Hold(leg, trunk);
        if (_transfer is not { } transfer || transfer.Step != handedOver.Step)
        {
            leg.Hangup(); // the transfer was given up meanwhile: nobody to connect it to
            return;
        }

        _transfer = null;
        StopMusic();
        _bridge?.Disconnect();
        _bridge = null;
        if (transfer.Transferor == _partyA) _partyA = leg;
        else _answered = leg;
        MediaChanged();
        if (OnHold) UpdateHold();
        else Connect();
        LogTransferred(CallId, transfer.Transferee.Peer, leg.Peer);
        await NotifyAsync(transfer.Transferor, "SIP/2.0 200 OK", final: true).ConfigureAwait(false);
        transfer.Transferor.Hangup();
        ReportPartiesChanged(transfer.Transferor);
        NotifyBridgeHandedOn(transfer.Transferor);
    }

    private async ValueTask OnHandOverRefusedAsync(HandOverRefused refused)
    {
        if (_transfer?.Step != refused.Step) return;
        await FailTransferAsync(refused.StatusCode, refused.Reason).ConfigureAwait(false);
    }

    /// <summary>
    /// After the loop stopped, what other calls depend on is not dropped: a leg handed over too late is hung up (and
    /// released with this call), a hand-over request is refused, events for the leg we handed over go on to its call.
    /// </summary>
    private void DrainMailbox()
    {
        while (_mailbox.Reader.TryRead(out var message))
        {
            switch (message)
            {
                case LegHandedOver orphan:
                    _adopted.Add(orphan.Leg);
                    if (orphan.TrunkSlot is { } trunk) (_heldSlots ??= new()).Hold(orphan.Leg, trunk);
                    orphan.Leg.Hangup();
                    break;
                case HandOverRequested request:
                    request.Requester.Post(new HandOverRefused(481, "Call/Transaction Does Not Exist", request.Step));
                    break;
                case ReplaceRequested replace:
                    replace.Invite.Respond(481, "Call/Transaction Does Not Exist", toTag: SipIds.NewTag());
                    break;
                default:
                    ForwardIfHandedOver(message);
                    break;
            }
        }
    }

    /// <summary>An event of the leg this call handed over reached it anyway (posted just before the move): it goes on.</summary>
    private void ForwardIfHandedOver(CallEvent message)
    {
        if (_handedOver is { } leg && LegOf(message) == leg) _handedOverTo?.Post(message);
    }

    private static CallLeg? LegOf(CallEvent message) => message switch
    {
        LegProvisional e => e.Leg,
        LegAnswered e => e.Leg,
        LegFailed e => e.Leg,
        LegEnded e => e.Leg,
        LegAcknowledged e => e.Leg,
        LegReInvite e => e.Leg,
        LegInfo e => e.Leg,
        LegRequest e => e.Leg,
        _ => null,
    };

    /// <summary>True when <paramref name="ports"/> went with the leg we handed over (the other call releases them).</summary>
    private bool WentWithHandedOver(Softswitch.Media.Rtp.RtpPortPair? ports) => ports is not null && _handedOver?.Ports == ports;
}
