using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;
using Softswitch.Sip.Dialogs;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// A leg the switch answers: the caller's INVITE, or the INVITE of a phone that picks up a ringing call (*8, role
/// callee); its server session and its media.
/// </summary>
public sealed class CallerLeg : CallLeg, IInviteSessionOwner
{
    private InviteServerSession? _session;

    public CallerLeg(IBridgedCallMailbox call, string callId, string peer, RtpPortPair ports, OfferAnswerSession offerAnswer, string role = "caller")
        : base(call, role, ports, offerAnswer)
    {
        CallId = callId;
        Peer = peer;
    }

    public override string CallId { get; }

    public override string Peer { get; }

    public InviteServerSession Session => _session ?? throw new InvalidOperationException("the caller's session is not attached yet");

    public override string SipState => _session?.State.ToString() ?? "Incoming";

    /// <summary>Set once, right after the session router created the session for this leg.</summary>
    public void Attach(InviteServerSession session) => _session = session;

    public override void Hangup(string? reason = null) => _session?.Hangup(reason);

    public override bool AnswerReInvite(ReadOnlyMemory<byte> sdp) => Session.AnswerReInvite(sdp);

    public override bool RejectReInvite(int statusCode) => Session.RejectReInvite(statusCode);

    // Session callbacks (socket and timer threads): posted, nothing else.
    public void OnAcknowledged(InviteServerSession session, ReadOnlyMemory<byte> sdp) => Call.Post(new LegAcknowledged(this, sdp));

    public void OnReInvite(InviteServerSession session, ReadOnlyMemory<byte> offer) => Call.Post(new LegReInvite(this, offer));

    public void OnInfo(InviteServerSession session, string? contentType, ReadOnlyMemory<byte> body) => Call.Post(new LegInfo(this, contentType, body));

    public void OnBye(InviteServerSession session) => Call.Post(new LegEnded(this, LegEnding.PeerHungUp));

    public void OnCancelled(InviteServerSession session) => Call.Post(new LegEnded(this, LegEnding.Cancelled));

    public void OnFailed(InviteServerSession session, InviteSessionFailure failure) => Call.Post(new LegEnded(this, LegEnding.Failed));
}
