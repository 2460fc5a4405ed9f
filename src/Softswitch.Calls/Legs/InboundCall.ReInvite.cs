using Microsoft.Extensions.Logging;
using Softswitch.Calls.Media;
using Softswitch.Media.Sdp;
using Softswitch.Sip.Dialogs;

namespace Softswitch.Calls.Legs;

/// <summary>Re-INVITEs in an answered call: hold, unhold, a move of the phone's media, and offerless ones (§14.2).</summary>
public sealed partial class InboundCall
{
    /// <summary>1 while our offer sent in a re-INVITE's 200 waits for its answer in the ACK.</summary>
    private int _reOfferPending;

    public void OnReInvite(InviteServerSession session, ReadOnlyMemory<byte> offer)
    {
        if (_leg is null)
        {
            session.RejectReInvite(488);
            return;
        }

        if (_offerAnswer.State != OfferAnswerState.Stable)
        {
            // Our own offer is still waiting for its ACK (§14.2: 491 for an overlapping exchange).
            session.RejectReInvite(491);
            return;
        }

        if (offer.IsEmpty)
        {
            OfferInReInvite(session, _leg);
            return;
        }

        if (SdpParser.TryParse(offer.Span, out var description, out _) != SdpParseStatus.Ok)
        {
            session.RejectReInvite(488);
            return;
        }

        var negotiated = _offerAnswer.ReceiveOffer(description!);
        if (!negotiated.IsAccepted || negotiated.Codec is null || !negotiated.Codec.IsSameCodecAs(_leg.Codec))
        {
            // A codec change mid-call would need a new leg; keep the call as it is (§14.2).
            if (negotiated.IsAccepted) _offerAnswer.Rollback();
            session.RejectReInvite(488);
            return;
        }

        // Hold, unhold or a move of the phone's media: the leg follows the new address.
        Apply(negotiated);
        session.AnswerReInvite(SdpWriter.Write(_offerAnswer.CreateAnswer()));
    }

    /// <summary>
    /// §14.2: a re-INVITE without SDP (phones resuming from hold this way, session refreshes) gets our offer in the 200
    /// and the answer in its ACK. Only the call's codec is offered: the leg cannot change codec mid-call.
    /// </summary>
    private void OfferInReInvite(InviteServerSession session, Softswitch.Media.Legs.MediaLeg leg)
    {
        var options = _offerAnswer.Options;
        _offerAnswer.Options = new LocalMediaOptions
        {
            Address = options.Address,
            RtpPort = options.RtpPort,
            Codecs = [.. options.Codecs.Where(codec => codec.IsTelephoneEvent || codec.Matches(leg.Codec))],
        };
        var ourOffer = SdpWriter.Write(_offerAnswer.CreateOffer());
        Volatile.Write(ref _reOfferPending, 1);
        if (!session.AnswerReInvite(ourOffer))
        {
            Volatile.Write(ref _reOfferPending, 0);
            _offerAnswer.Rollback();
        }
    }

    /// <summary>The ACK for our re-offer: its answer moves or holds the media; without a usable one the call goes on as it was.</summary>
    private void ApplyReOfferAnswer(ReadOnlyMemory<byte> sdp)
    {
        if (sdp.IsEmpty || SdpParser.TryParse(sdp.Span, out var description, out _) != SdpParseStatus.Ok)
        {
            _offerAnswer.Rollback();
            LogNoAnswerToReOffer(CallId);
            return;
        }

        var negotiated = _offerAnswer.ReceiveAnswer(description!);
        if (negotiated is { IsAccepted: true, Codec: not null } && _leg is { } leg && negotiated.Codec.IsSameCodecAs(leg.Codec))
        {
            Apply(negotiated);
        }
        else
        {
            LogNoAnswerToReOffer(CallId);
        }
    }

    private void Apply(NegotiationResult negotiated)
    {
        _leg!.SetRemote(NegotiatedEndpoints.Rtp(negotiated), NegotiatedEndpoints.Rtcp(negotiated));
        _leg.CanSend = negotiated.CanSend;
        MediaChanged(negotiated);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: the ACK carried no usable answer to our re-INVITE offer; media left as it was")]
    private partial void LogNoAnswerToReOffer(string callId);
}
