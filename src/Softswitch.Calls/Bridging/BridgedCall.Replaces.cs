using Softswitch.Calls.Media;
using Softswitch.Media.Sdp;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// RFC 3891 at the switch: an INVITE with Replaces naming a party's confirmed dialog of this call (a phone pulling the
/// call to another device, or finishing a transfer itself) is answered and takes that party's place in the bridge; the
/// replaced party gets BYE. The other party keeps its leg and ports, so it is not re-INVITEd. A carrier's INVITE may
/// replace only a dialog the switch has with that same carrier (never an extension's, nor another trunk's: RFC 3891 §6
/// leaves the policy to us, and a carrier must not be able to take over a call it is not part of); the new leg keeps
/// the replaced one's trunk call slot.
/// </summary>
public sealed partial class BridgedCall
{
    private async ValueTask OnReplaceRequestedAsync(ReplaceRequested request)
    {
        var invite = request.Invite;
        var replaced = _partyA.Dialog == request.Replaced ? _partyA : _answered?.Dialog == request.Replaced ? _answered : null;
        if (request.Trunk is { } trunk && replaced is not null && !string.Equals(replaced.Trunk, trunk, StringComparison.OrdinalIgnoreCase))
        {
            LogReplaceForbidden(CallId, trunk, replaced.Peer);
            invite.Respond(403, "Forbidden", toTag: SipIds.NewTag());
            return;
        }

        var other = replaced is null ? null : replaced == _partyA ? _answered : _partyA;
        if (_end is not null || _transfer is not null || other?.Media is not { } otherMedia)
        {
            invite.Respond(481, "Call/Transaction Does Not Exist", toTag: SipIds.NewTag());
            return;
        }

        if (AnswerableLeg(invite, request.Extension, replaced!.Role, otherMedia.Codec, out var negotiated) is not { } leg) return;
        _adopted.Add(leg); // its media and ports are released with the call
        leg.Trunk = request.Trunk;
        _heldSlots?.Move(replaced, leg); // the same carrier's call goes on: its slot is not given back and taken again
        var answer = SdpWriter.Write(leg.OfferAnswer.CreateAnswer());
        await leg.StartMediaAsync(negotiated!, _context.Media, invite.Source.Address.Address, _context.Time, _context.Loggers).ConfigureAwait(false);

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
        ReportPartiesChanged(replaced);
        NotifyBridgeHandedOn(replaced);
    }

    /// <summary>
    /// A leg the switch answers for <paramref name="invite"/> (a pickup, a Replaces): its offer negotiated on a new port
    /// pair (<paramref name="preferred"/> first, so the bridge can relay) and its session attached; null after refusing
    /// it (488 without a usable offer, 503 without ports).
    /// </summary>
    private CallerLeg? AnswerableLeg(ServerTransaction invite, string peer, string role, MediaFormat? preferred, out NegotiationResult? negotiated)
    {
        negotiated = null;
        if (invite.Request.Body.IsEmpty || SdpParser.TryParse(invite.Request.Body.Span, out var offer, out _) != SdpParseStatus.Ok)
        {
            invite.Respond(488, "Offer Required", toTag: SipIds.NewTag());
            return null;
        }

        if (!_context.Media.Ports.TryAllocate(out var ports))
        {
            invite.Respond(503, "Media Ports Exhausted", toTag: SipIds.NewTag(), headers: [new("Retry-After", "10")]);
            return null;
        }

        var offerAnswer = new OfferAnswerSession(new LocalMediaOptions
        {
            Address = _context.Media.Address.ToString(), RtpPort = ports!.RtpPort, Codecs = CallCodecs.PreferringFirst(preferred),
        }, _context.Time);
        var result = offerAnswer.ReceiveOffer(offer!);
        if (!result.IsAccepted || result.Codec is null)
        {
            ports.Dispose();
            invite.Respond(result.RejectStatusCode ?? 488, toTag: SipIds.NewTag());
            return null;
        }

        negotiated = result;
        var leg = new CallerLeg(this, invite.Request.CallId, peer, ports, offerAnswer, role);
        leg.Attach(_context.Sessions.CreateSession(invite, leg));
        return leg;
    }
}
