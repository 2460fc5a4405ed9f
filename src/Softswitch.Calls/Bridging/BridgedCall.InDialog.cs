using Softswitch.Calls.Records;
using Softswitch.Channels;
using Softswitch.Media.Sdp;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Bridging;

/// <summary>What the legs' peers do once the call is set up: hang up, acknowledge, re-INVITE (hold, resume, move), INFO.</summary>
public sealed partial class BridgedCall
{
    /// <summary>The caller's offerless re-INVITE got our offer in the 200; its ACK carries the answer.</summary>
    private bool _callerReOfferPending;

    /// <summary>RFC 3326: why the other party's BYE comes when a leg's session timer ran out (the words its own BYE carried).</summary>
    private const string SessionTimerReason = "SIP;cause=408;text=\"Session timer expired\"";

    private async ValueTask OnEnded(LegEnded ended)
    {
        var leg = ended.Leg;
        _heldSlots?.Release(leg); // its trunk call is over, whatever happens to the rest of the call
        if (_application is not null && leg == _answered && leg != _partyA && ended.Why != LegEnding.WeHungUp)
        {
            await EndAnsweredApplicationBridgeAsync().ConfigureAwait(false);
            return;
        }

        if (leg == _partyA)
        {
            Finish(ended.Why switch
            {
                LegEnding.Cancelled => BridgedCallEnd.Cancelled,
                LegEnding.SessionTimerExpired => new BridgedCallEnd(HangupCauses.SessionTimer, HangupSides.Caller),
                LegEnding.Failed => new BridgedCallEnd(HangupCauses.Failed, HangupSides.Caller),
                _ => BridgedCallEnd.CallerHungUp,
            }, ended.Why == LegEnding.SessionTimerExpired ? SessionTimerReason : null);
        }
        else if (leg == _answered && ended.Why != LegEnding.WeHungUp)
        {
            Finish(ended.Why switch
            {
                LegEnding.Failed => new BridgedCallEnd(HangupCauses.Failed, HangupSides.Callee),
                LegEnding.SessionTimerExpired => new BridgedCallEnd(HangupCauses.SessionTimer, HangupSides.Callee),
                _ => BridgedCallEnd.CalleeHungUp,
            }, ended.Why == LegEnding.SessionTimerExpired ? SessionTimerReason : null);
        }
    }

    private async ValueTask OnAcknowledgedAsync(LegAcknowledged acknowledged)
    {
        if (acknowledged.Leg != _caller) return; // a picking-up phone's ACK: its answer was in its INVITE
        if (_awaitingCallerAnswer)
        {
            _awaitingCallerAnswer = false;
            if (AnswerFrom(acknowledged.Sdp) is not { } negotiated)
            {
                // §13.3.1.4: an ACK without a usable answer cannot be refused; the call is ended with BYE.
                LogNoAnswerInAck(CallId);
                Finish(new BridgedCallEnd(HangupCauses.Failed, HangupSides.Caller));
                return;
            }

            _caller.Negotiated = negotiated;
            await StartCallerMediaAsync().ConfigureAwait(false);
            if (_application is not null)
            {
                _caller.StartReceiving();
                StartApplication();
                return;
            }

            Connect();
            MarkAnswered();
            return;
        }

        if (_callerReOfferPending)
        {
            _callerReOfferPending = false;
            if (AnswerFrom(acknowledged.Sdp) is { } negotiated && negotiated.Codec!.IsSameCodecAs(_caller.Media!.Codec)) ApplyPeerMedia(_caller, negotiated);
        }
    }

    private NegotiationResult? AnswerFrom(ReadOnlyMemory<byte> sdp)
    {
        if (sdp.IsEmpty || SdpParser.TryParse(sdp.Span, out var description, out _) != SdpParseStatus.Ok)
        {
            _caller.OfferAnswer.Rollback();
            return null;
        }

        var negotiated = _caller.OfferAnswer.ReceiveAnswer(description!);
        return negotiated is { IsAccepted: true, Codec: not null } ? negotiated : null;
    }

    /// <summary>
    /// A re-INVITE from either peer: its media follows the new offer (hold when sendonly or inactive), answered by the
    /// switch itself; the other party is not re-INVITEd but hears music while held. A codec change is refused 488 (§14.2).
    /// </summary>
    private ValueTask OnReInviteAsync(LegReInvite reInvite)
    {
        var leg = reInvite.Leg;
        if (leg.Media is null || leg.OfferAnswer.State != OfferAnswerState.Stable || (leg != _partyA && leg != _answered))
        {
            leg.RejectReInvite(leg.OfferAnswer.State == OfferAnswerState.Stable ? 488 : 491);
            return ValueTask.CompletedTask;
        }

        if (reInvite.Offer.IsEmpty)
        {
            OfferInReInvite(leg);
            return ValueTask.CompletedTask;
        }

        if (SdpParser.TryParse(reInvite.Offer.Span, out var description, out _) != SdpParseStatus.Ok)
        {
            leg.RejectReInvite(488);
            return ValueTask.CompletedTask;
        }

        var negotiated = leg.OfferAnswer.ReceiveOffer(description!);
        if (!negotiated.IsAccepted || negotiated.Codec is null || !negotiated.Codec.IsSameCodecAs(leg.Media.Codec))
        {
            if (negotiated.IsAccepted) leg.OfferAnswer.Rollback();
            leg.RejectReInvite(488);
            return ValueTask.CompletedTask;
        }

        var answer = SdpWriter.Write(leg.OfferAnswer.CreateAnswer());
        ApplyPeerMedia(leg, negotiated);
        leg.AnswerReInvite(answer);
        return ValueTask.CompletedTask;
    }

    /// <summary>§14.2: an offerless re-INVITE gets our offer (the leg's codec only) in the 200, the answer in the ACK.</summary>
    private void OfferInReInvite(CallLeg leg)
    {
        var options = leg.OfferAnswer.Options;
        leg.OfferAnswer.Options = new LocalMediaOptions
        {
            Address = options.Address,
            RtpPort = options.RtpPort,
            Codecs = [.. options.Codecs.Where(codec => codec.IsTelephoneEvent || codec.Matches(leg.Media!.Codec))],
        };
        var offer = SdpWriter.Write(leg.OfferAnswer.CreateOffer());
        if (leg == _caller && leg.AnswerReInvite(offer)) _callerReOfferPending = true;
        else
        {
            leg.OfferAnswer.Rollback();
            leg.RejectReInvite(488);
        }
    }

    private void ApplyPeerMedia(CallLeg leg, NegotiationResult negotiated)
    {
        leg.ApplyRemote(negotiated);
        var heldBefore = leg.Holding;
        leg.Holding = negotiated.RemoteHold || !negotiated.LocalDirection.Receives();
        MediaChanged();
        if (heldBefore != leg.Holding) UpdateHold();
    }

    /// <summary>
    /// Digits by INFO reach the leg's own digit stream, and cross the bridge as an INFO of ours to the other party
    /// (RFC 4733 events and in-band tones cross in the media).
    /// </summary>
    private ValueTask OnInfo(LegInfo info)
    {
        info.Leg.Media?.OnSipInfo(info.ContentType, info.Body.Span);
        var other = info.Leg == _partyA ? _answered : info.Leg == _answered ? _partyA : null;
        if (other?.Dialog is { IsEstablished: true } dialog) _ = ForwardInfoAsync(dialog, info.ContentType, info.Body);
        return ValueTask.CompletedTask;
    }

    private async Task ForwardInfoAsync(IInviteSession dialog, string? contentType, ReadOnlyMemory<byte> body)
    {
        try
        {
            await dialog.SendRequestAsync(SipMethod.Info, contentType, body).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or OperationCanceledException)
        {
            // The other leg ended meanwhile: nothing to pass the digit to.
        }
    }

    /// <summary>REFER from a party of the answered call is a transfer; anything else gets the dialog layer's default answer.</summary>
    private async ValueTask OnRequestAsync(LegRequest request)
    {
        if (request.Request.Method == SipMethod.Refer && (request.Leg == _partyA || request.Leg == _answered))
        {
            await OnReferAsync(request.Leg, request.Request).ConfigureAwait(false);
            return;
        }

        request.Request.RespondByDefault();
    }
}
