using Softswitch.Media.Rtp;
using Softswitch.Media.Sdp;
using Softswitch.Sip.Dialogs;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// One leg the switch dials for a call: an INVITE to one contact of the callee (several ring at once, the first 2xx
/// wins), its client session and, once it has early media or answered, its media. Every fork shares the call's callee
/// port pair: only one fork's media runs at a time.
/// </summary>
public sealed class CalleeLeg : CallLeg, IInviteClientSessionOwner
{
    private InviteClientSession? _session;

    public CalleeLeg(IBridgedCallMailbox call, string peer, RtpPortPair ports, OfferAnswerSession offerAnswer)
        : base(call, "callee", ports, offerAnswer)
    {
        Peer = peer;
    }

    public override string CallId => _session?.CallId ?? "";

    public override string Peer { get; }

    public InviteClientSession Session => _session ?? throw new InvalidOperationException("the callee's session has not started");

    public override string SipState => _session?.State.ToString() ?? "Calling";

    /// <summary>True once this fork has answered (or is answering) the call.</summary>
    public bool IsAnswered => _session?.State is InviteClientSessionState.Answered or InviteClientSessionState.Confirmed;

    /// <summary>True once the session is over, however it ended.</summary>
    public bool IsOver => _session?.State == InviteClientSessionState.Terminated;

    /// <summary>The final status this fork got when it failed (0 while ringing or answered).</summary>
    public int FailureStatus { get; set; }

    public void Start(SessionRouter sessions, OutgoingInvite invite) => _session = sessions.StartClientSession(invite, this);

    public override void Hangup(string? reason = null) => _session?.Hangup();

    public override bool AnswerReInvite(ReadOnlyMemory<byte> sdp) => false;

    public override bool RejectReInvite(int statusCode) => false;

    // Session callbacks (socket and timer threads): posted, nothing else.
    public void OnProvisional(InviteClientSession session, int statusCode, ReadOnlyMemory<byte> sdp) =>
        Call.Post(new LegProvisional(this, statusCode, sdp));

    public void OnAnswered(InviteClientSession session, ReadOnlyMemory<byte> sdp) => Call.Post(new LegAnswered(this, sdp));

    public void OnFailed(InviteClientSession session, int statusCode, string reason) => Call.Post(new LegFailed(this, statusCode, reason));

    public void OnEnded(InviteClientSession session, InviteClientEnding ending) =>
        Call.Post(new LegEnded(this, ending == InviteClientEnding.RemoteHangup ? LegEnding.PeerHungUp : LegEnding.WeHungUp));
}
