using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// The calling side of one INVITE (RFC 3261 §13.2, §12.1.2, §15): Calling → Proceeding/Early → (Answered) →
/// Confirmed → Terminating → Terminated, or Cancelling → Terminated. The session sends the INVITE, makes the early
/// and confirmed dialogs, ACKs every 2xx itself (§13.2.2.4; a second fork's 2xx gets ACK and BYE), cancels (§9.1),
/// hangs up, answers the callee's BYE, PRACKs reliable provisionals (RFC 3262), asks for a session timer (RFC 4028),
/// shares the in-dialog machinery of <see cref="IInviteSession"/> with the answering side, and reports through
/// <see cref="IInviteClientSessionOwner"/>, always outside its lock. Created by <see cref="SessionRouter.StartClientSession"/>.
/// Thread-safe.
/// </summary>
public sealed partial class InviteClientSession : IInviteSession
{
    private readonly object _gate = new();
    private readonly SessionRouter _router;
    private readonly IInviteClientSessionOwner _owner;
    private readonly TimeProvider _time;
    private readonly InviteSessionOptions _options;
    private readonly OutgoingInvite _call;
    private readonly NameAddress _from;
    private readonly NameAddress _to;
    private readonly List<string> _branches = new(4);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DialogUsage _usage;
    private SipRequest? _invite;
    private ClientTransaction? _inviteTransaction;
    private bool _provisionalHeard;
    private bool _cancelSent;
    private bool _challengeAnswered;
    private ReadOnlyMemory<byte> _ack;
    private Dictionary<string, (ReadOnlyMemory<byte> Ack, SipEndPoint To)>? _forkAcks;
    private string? _byeBranch;
    private ITimer? _cancelTimer;
    private Action? _ending;
    private string? _byeReason;

    internal InviteClientSession(SessionRouter router, OutgoingInvite call, IInviteClientSessionOwner owner,
        TimeProvider time, InviteSessionOptions options)
    {
        _router = router;
        _call = call;
        _owner = owner;
        _time = time;
        _options = options;
        CallId = SipIds.NewCallId();
        LocalTag = SipIds.NewTag();
        _from = call.From.WithTag(LocalTag);
        var to = call.To ?? new NameAddress(call.Target.WithoutHeaders());
        _to = to.Tag is null ? to : new NameAddress(to.Uri, to.DisplayName, to.Parameters.Without("tag"));
        LocalContact = new NameAddress(options.ContactUri(call.ContactUser ?? call.From.Uri.User, call.Destination.Transport));
        _usage = new DialogUsage(_gate, new UsageHost(this), router, time, options);
        _usage.LocalSdp = call.SdpOffer;
    }

    /// <summary>Fixed at creation; with <see cref="LocalTag"/> it finds the session whatever tag the callee picks.</summary>
    public string CallId { get; }

    /// <summary>Our From tag.</summary>
    public string LocalTag { get; }

    /// <summary>Where the INVITE went; requests in the dialog follow it unless a route set says otherwise.</summary>
    public SipEndPoint Destination => _call.Destination;

    /// <summary>The same as <see cref="Destination"/>: the flow the dialog's requests follow.</summary>
    public SipEndPoint Flow => _call.Destination;

    /// <summary>The callee's tag, once a response with one made a dialog.</summary>
    public string? RemoteTag => Dialog?.RemoteTag;

    /// <summary>Our Contact in the INVITE and in requests we send in the dialog.</summary>
    public NameAddress LocalContact { get; }

    /// <summary>The INVITE as last sent (the second one after a digest challenge).</summary>
    public SipRequest Invite
    {
        get { lock (_gate) return _invite!; }
    }

    /// <summary>
    /// The early dialog of the first provisional response with a To tag, then the confirmed one of the 2xx; null before.
    /// Read it from the owner's callbacks or after <see cref="Completion"/>, it is guarded by the session.
    /// </summary>
    public Dialog? Dialog { get; private set; }

    public InviteClientSessionState State { get; private set; }

    public bool IsEstablished => State == InviteClientSessionState.Confirmed;

    public bool IsTerminated => State == InviteClientSessionState.Terminated;

    public TimeSpan? SessionInterval => _usage.SessionInterval;

    /// <summary>True when we refresh the session (the 2xx said refresher=uac), false when the callee does or no timer runs.</summary>
    public bool IsSessionRefresher => _usage.IsRefresher;

    /// <summary>Completes once the session is <see cref="InviteClientSessionState.Terminated"/>, however it ended.</summary>
    public Task Completion => _completion.Task;

    /// <summary>
    /// §9.1: gives up on the call before it is answered. The CANCEL goes out at once if a provisional response has
    /// arrived, else with the first one; the 487 that follows ends the session (owner: Failed 487). A 2xx that
    /// crosses the CANCEL is acknowledged and hung up with BYE. False once a final response arrived.
    /// </summary>
    public bool Cancel()
    {
        lock (_gate)
        {
            if (State is not (InviteClientSessionState.Calling or InviteClientSessionState.Proceeding or InviteClientSessionState.Early))
            {
                return false;
            }

            State = InviteClientSessionState.Cancelling;
            if (_provisionalHeard) SendCancelLocked();
            return true;
        }
    }

    /// <summary>
    /// Ends the call from our side: before the answer as <see cref="Cancel"/>; answered, with BYE in the dialog
    /// (§15.1.1; a late-offer 2xx still waiting for <see cref="Acknowledge"/> is ACKed first). The owner hears
    /// Ended(LocalHangup) when the BYE is answered or times out. False when already ending. <paramref name="reason"/>
    /// is the value of a Reason header (RFC 3326) for the BYE.
    /// </summary>
    public bool Hangup(string? reason = null)
    {
        bool cancel;
        Action? notify = null;
        lock (_gate)
        {
            _byeReason ??= reason;
            cancel = State is InviteClientSessionState.Calling or InviteClientSessionState.Proceeding or InviteClientSessionState.Early;
            if (!cancel)
            {
                if (State is not (InviteClientSessionState.Answered or InviteClientSessionState.Confirmed)) return false;
                if (State == InviteClientSessionState.Answered) SendAckLocked(default);
                _ending = () => _owner.OnEnded(this, InviteClientEnding.LocalHangup);
                notify = SendByeLocked();
            }
        }

        if (cancel) return Cancel();
        notify?.Invoke();
        return true;
    }

    /// <summary>
    /// Late offer (RFC 3264 §5): sends the ACK for the 2xx with <paramref name="sdpAnswer"/> and confirms the call.
    /// False unless the session is <see cref="InviteClientSessionState.Answered"/>.
    /// </summary>
    public bool Acknowledge(ReadOnlyMemory<byte> sdpAnswer)
    {
        lock (_gate)
        {
            if (State != InviteClientSessionState.Answered) return false;
            SendAckLocked(sdpAnswer);
            _usage.LocalSdp = sdpAnswer;
            State = InviteClientSessionState.Confirmed;
            return true;
        }
    }

    /// <summary>Answers the callee's pending re-INVITE 200 OK with <paramref name="sdpAnswer"/>, retransmitted until its ACK.</summary>
    public bool AnswerReInvite(ReadOnlyMemory<byte> sdpAnswer) => _usage.AnswerReInvite(sdpAnswer);

    /// <summary>Refuses the callee's pending re-INVITE (488 Not Acceptable Here by default); the call goes on (§14.2).</summary>
    public bool RejectReInvite(int statusCode = 488, string? reason = null) => _usage.RejectReInvite(statusCode, reason);

    public Task<SipResponse> SendRequestAsync(SipMethod method, string? contentType, ReadOnlyMemory<byte> body,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        _usage.SendAsync(method, contentType, body, headers, cancellationToken);

    public Task<ReInviteOutcome> ReInviteAsync(ReadOnlyMemory<byte> sdpOffer, CancellationToken cancellationToken = default) =>
        _usage.ReInviteAsync(sdpOffer, cancellationToken);

    public override string ToString() => $"InviteClientSession({CallId};local={LocalTag}, {State})";

    /// <summary>Sends the first INVITE; called by the router once the session can be found.</summary>
    internal void Start()
    {
        lock (_gate) SendInviteLocked(1, authorization: null);
    }

    /// <summary>§8.1.1, §13.2.1: a new INVITE in its own transaction (CSeq 1, or one more after a challenge).</summary>
    private void SendInviteLocked(uint cseq, KeyValuePair<string, string>? authorization)
    {
        _lastAuthorization = authorization;
        var builder = new SipRequestBuilder(SipMethod.Invite, _call.Target.WithoutHeaders())
            .WithVia(NewVia())
            .WithFrom(_from)
            .WithTo(_to)
            .WithCallId(CallId)
            .WithCSeq(cseq)
            .WithContact(LocalContact)
            .AddHeader("Allow", _options.Allow)
            .AddHeader("Supported", _options.InviteSupported)
            .AddHeader("User-Agent", SipServer.Name);
        AddSessionTimerHeaders(builder);
        foreach (var (name, value) in _call.Headers) builder.AddHeader(name, value);
        if (authorization is { } credentials) builder.AddHeader(credentials.Key, credentials.Value);
        if (!_call.SdpOffer.IsEmpty) builder.WithBody("application/sdp", _call.SdpOffer);
        _invite = SendLocked(builder, Destination) ?? throw new InvalidOperationException("our own INVITE did not parse");
    }

    /// <summary>§9.1: same Request-URI, Call-ID, From, To, CSeq number and top Via (branch) as the INVITE, method CANCEL.</summary>
    private void SendCancelLocked()
    {
        var invite = _invite!;
        _cancelSent = true;
        var builder = new SipRequestBuilder(SipMethod.Cancel, invite.RequestUri)
            .WithVia(invite.TopVia)
            .WithFrom(invite.From)
            .WithTo(invite.To)
            .WithCallId(CallId)
            .WithCSeq(invite.CSeq.Number)
            .AddHeader("User-Agent", SipServer.Name);
        foreach (var route in invite.Routes) builder.AddRoute(route);
        SendLocked(builder, Destination);

        // §9.1: without a final response to the INVITE within 64·T1 of the CANCEL, the INVITE counts as cancelled.
        _cancelTimer = _time.CreateTimer(_ => OnCancelGaveUp(), null, _options.Timers.Timeout64T1, Timeout.InfiniteTimeSpan);
    }

    /// <summary>§13.2.2.4: the ACK for the dialog's 2xx, kept to answer each retransmission of that 2xx with the same bytes.</summary>
    private void SendAckLocked(ReadOnlyMemory<byte> sdp)
    {
        var dialog = Dialog!;
        var builder = dialog.CreateAck(NewVia(), _invite!.CSeq.Number).AddHeader("User-Agent", SipServer.Name);
        if (!sdp.IsEmpty) builder.WithBody("application/sdp", sdp);
        _ack = builder.ToBytes();
        _router.SendAck(_ack, InDialogDestination.For(dialog, Destination));
    }

    /// <summary>§15.1.1: our BYE in the dialog; returns the owner's notification if it could not even be sent.</summary>
    private Action? SendByeLocked()
    {
        State = InviteClientSessionState.Terminating;
        _usage.AnswerPendingOfferLocked(487);
        _usage.StopRetransmittingLocked();
        _usage.StopSessionTimerLocked();
        var dialog = Dialog!;
        var builder = dialog.CreateRequest(SipMethod.Bye, NewVia(), LocalContact).AddHeader("User-Agent", SipServer.Name);
        if (_byeReason is not null) builder.AddHeader("Reason", _byeReason);
        var bye = SendLocked(builder, InDialogDestination.For(dialog, Destination));
        if (bye is not null)
        {
            _byeBranch = bye.TopVia.Branch;
            return null;
        }

        return FinishLocked(null);
    }

    /// <summary>Writes, re-reads (the layer keys on the parsed request) and sends a request in a client transaction.</summary>
    private SipRequest? SendLocked(SipRequestBuilder builder, SipEndPoint destination)
    {
        var bytes = builder.ToBytes();
        if (SipMessageParser.TryParse(bytes, out var parsed, out _) != SipParseStatus.Ok || parsed is not SipRequest request) return null;
        _branches.Add(request.TopVia.Branch!);
        var transaction = _router.SendForClient(this, request, bytes, destination);
        if (request.Method == SipMethod.Invite) _inviteTransaction = transaction;
        return request;
    }

    /// <summary>
    /// Enters Terminated once, leaves the router's tables and returns the owner's one final notification: the one
    /// chosen earlier (our hang-up, a cancel answered by a 2xx) or else <paramref name="fallback"/>.
    /// </summary>
    private Action? FinishLocked(Action? fallback)
    {
        if (State == InviteClientSessionState.Terminated) return null;
        State = InviteClientSessionState.Terminated;
        _cancelTimer?.Dispose();
        _cancelTimer = null;
        _usage.StopLocked();
        _router.Forget(this, _branches);
        _completion.TrySetResult();
        return _ending ?? fallback;
    }

    private Action Failed(int statusCode, string reason) => () => _owner.OnFailed(this, statusCode, reason);

    private ViaHeader NewVia() => _options.NewVia(Destination.Transport);
}
