using Softswitch.Media.Sdp;

namespace Softswitch.Calls.Bridging;

/// <summary>What the legs' peers do once the call is set up: hang up, acknowledge, re-INVITE (hold, resume, move), INFO.</summary>
public sealed partial class BridgedCall
{
    /// <summary>The caller's offerless re-INVITE got our offer in the 200; its ACK carries the answer.</summary>
    private bool _callerReOfferPending;

    private ValueTask OnEnded(LegEnded ended)
    {
        var leg = ended.Leg;
        if (leg == _caller)
        {
            Finish(ended.Why switch
            {
                LegEnding.Cancelled => BridgedCallEnd.Cancelled,
                LegEnding.Failed => new BridgedCallEnd("failed", "caller"),
                _ => BridgedCallEnd.CallerHungUp,
            });
        }
        else if (leg == _answered && ended.Why != LegEnding.WeHungUp)
        {
            Finish(ended.Why == LegEnding.Failed ? new BridgedCallEnd("failed", "callee") : BridgedCallEnd.CalleeHungUp);
        }

        return ValueTask.CompletedTask;
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
                Finish(new BridgedCallEnd("failed", "caller"));
                return;
            }

            _caller.Negotiated = negotiated;
            await StartCallerMediaAsync().ConfigureAwait(false);
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
        if (leg.Media is null || leg.OfferAnswer.State != OfferAnswerState.Stable || (leg != _caller && leg != _answered))
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

    private ValueTask OnInfo(LegInfo info)
    {
        info.Leg.Media?.OnSipInfo(info.ContentType, info.Body.Span);
        return ValueTask.CompletedTask;
    }
}
