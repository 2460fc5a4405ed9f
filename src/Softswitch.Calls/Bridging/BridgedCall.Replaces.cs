using Softswitch.Calls.Media;
using Softswitch.Media.Sdp;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// RFC 3891 at the switch: an INVITE with Replaces naming a party's confirmed dialog of this call (a phone pulling the
/// call to another device, or finishing a transfer itself) is answered and takes that party's place in the bridge; the
/// replaced party gets BYE. The other party keeps its leg and ports, so it is not re-INVITEd.
/// </summary>
public sealed partial class BridgedCall
{
    private async ValueTask OnReplaceRequestedAsync(ReplaceRequested request)
    {
        var invite = request.Invite;
        var replaced = _partyA.Dialog == request.Replaced ? _partyA : _answered?.Dialog == request.Replaced ? _answered : null;
        var other = replaced is null ? null : replaced == _partyA ? _answered : _partyA;
        if (_end is not null || _transfer is not null || other?.Media is not { } otherMedia)
        {
            invite.Respond(481, "Call/Transaction Does Not Exist", toTag: SipIds.NewTag());
            return;
        }

        if (invite.Request.Body.IsEmpty || SdpParser.TryParse(invite.Request.Body.Span, out var offer, out _) != SdpParseStatus.Ok)
        {
            invite.Respond(488, "Offer Required", toTag: SipIds.NewTag());
            return;
        }

        if (!_context.Media.Ports.TryAllocate(out var ports))
        {
            invite.Respond(503, "Media Ports Exhausted", toTag: SipIds.NewTag(), headers: [new("Retry-After", "10")]);
            return;
        }

        var offerAnswer = new OfferAnswerSession(new LocalMediaOptions
        {
            Address = _context.Media.Address.ToString(), RtpPort = ports!.RtpPort, Codecs = CallCodecs.PreferringFirst(otherMedia.Codec),
        }, _context.Time);
        var negotiated = offerAnswer.ReceiveOffer(offer!);
        if (!negotiated.IsAccepted || negotiated.Codec is null)
        {
            ports.Dispose();
            invite.Respond(negotiated.RejectStatusCode ?? 488, toTag: SipIds.NewTag());
            return;
        }

        var leg = new CallerLeg(this, invite.Request.CallId, request.Extension, ports, offerAnswer, role: replaced!.Role);
        leg.Attach(_context.Sessions.CreateSession(invite, leg));
        _adopted.Add(leg); // its media and ports are released with the call
        var answer = SdpWriter.Write(offerAnswer.CreateAnswer());
        await leg.StartMediaAsync(negotiated, _context.Media, invite.Source.Address.Address, _context.Time, _context.Loggers).ConfigureAwait(false);

        StopMusic();
        _bridge?.Disconnect();
        _bridge = null;
        if (replaced == _partyA) _partyA = leg;
        else _answered = leg;
        MediaChanged();
        if (OnHold) UpdateHold();
        else Connect();
        leg.Session.Accept(answer);
        LogReplaced(CallId, replaced.Peer, leg.Peer, leg.CallId);
        replaced.Hangup();
    }
}
