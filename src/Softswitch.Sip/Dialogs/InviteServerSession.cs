using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// The answering side of one INVITE (RFC 3261 §13.3, §14, §15): Incoming → Ringing → Accepted → Confirmed →
/// Terminated. The owner (call control) drives it with <see cref="Ring"/>, <see cref="Accept"/>, <see cref="Reject"/>
/// and <see cref="Hangup"/>; the session retransmits its 2xx until the ACK, answers BYE and CANCEL, and shares the
/// in-dialog machinery of <see cref="IInviteSession"/> with the calling side (re-INVITE, UPDATE, INFO, REFER, NOTIFY
/// both ways, session timers). It reports through <see cref="IInviteSessionOwner"/>, always outside its lock.
/// Created by <see cref="SessionRouter.CreateSession"/>. Thread-safe.
/// </summary>
public sealed partial class InviteServerSession : IInviteSession
{
    private readonly object _gate = new();
    private readonly SessionRouter _router;
    private readonly IInviteSessionOwner _owner;
    private readonly InviteSessionOptions _options;
    private readonly ServerInviteTransaction _invite;
    private readonly DialogUsage _usage;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _hangupAfterAck;
    private string? _byeReason;

    internal InviteServerSession(SessionRouter router, ServerInviteTransaction invite, IInviteSessionOwner owner,
        TimeProvider time, InviteSessionOptions options, string localTag)
    {
        _router = router;
        _invite = invite;
        _owner = owner;
        _options = options;
        Dialog = Dialog.CreateUas(invite.Request, localTag);
        Id = Dialog.Id;
        LocalContact = new NameAddress(options.ContactUri(Dialog.LocalUri.User, invite.Source.Transport));
        _usage = new DialogUsage(_gate, new UsageHost(this), router, time, options);
    }

    /// <summary>Fixed at creation, so the session can be found and removed by it without the lock.</summary>
    public DialogId Id { get; }

    public string CallId => Id.CallId;

    public string LocalTag => Id.LocalTag;

    public string? RemoteTag => Id.RemoteTag;

    /// <summary>The dialog state; read it from the owner's callbacks or after <see cref="Completion"/>, it is guarded by the session.</summary>
    public Dialog Dialog { get; }

    Dialog? IInviteSession.Dialog => Dialog;

    /// <summary>The INVITE that created the session, with the caller's SDP offer in its body.</summary>
    public SipRequest Invite => _invite.Request;

    /// <summary>The INVITE's server transaction; a CANCEL finds the session through it.</summary>
    internal ServerInviteTransaction InviteTransaction => _invite;

    /// <summary>The address the INVITE came from; in-dialog requests go back along it (NAT, TCP connection).</summary>
    public SipEndPoint Flow => _invite.Source;

    /// <summary>Our Contact in 1xx/2xx and in requests we send.</summary>
    public NameAddress LocalContact { get; }

    public InviteSessionState State { get; private set; }

    public bool IsEstablished => State == InviteSessionState.Confirmed;

    public bool IsTerminated => State == InviteSessionState.Terminated;

    /// <summary>Completes once the session is <see cref="InviteSessionState.Terminated"/>, however it ended.</summary>
    public Task Completion => _completion.Task;

    public TimeSpan? SessionInterval => _usage.SessionInterval;

    /// <summary>True when we refresh the session (RFC 4028 refresher=uas in our 2xx), false when the caller does or no timer runs.</summary>
    public bool IsSessionRefresher => _usage.IsRefresher;

    /// <summary>Sends 180 Ringing with our To tag (an early dialog). False unless the session is still Incoming.</summary>
    public bool Ring()
    {
        lock (_gate)
        {
            if (State != InviteSessionState.Incoming) return false;
            Send(_invite, 180, withContact: true);
            State = InviteSessionState.Ringing;
            return true;
        }
    }

    /// <summary>
    /// RFC 4028 §8.1: refuses the INVITE with 422 and our Min-SE when its Session-Expires is below
    /// <see cref="InviteSessionOptions.MinSessionExpires"/>. Call it before ringing; true when it refused (the
    /// session is then Terminated and the owner hears nothing more), false when the interval is acceptable.
    /// </summary>
    public bool RejectIfSessionIntervalTooSmall()
    {
        var minimum = Math.Max(90, (int)_options.MinSessionExpires.TotalSeconds);
        if (_options.SessionExpires is null || SessionExpiresValue.Read(_invite.Request) is not { } asked || asked.Seconds >= minimum) return false;
        lock (_gate)
        {
            if (State is not (InviteSessionState.Incoming or InviteSessionState.Ringing)) return false;
            var builder = _usage.BuildResponse(_invite, 422, withContact: false)
                .AddHeader("Min-SE", minimum.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _invite.SendResponse(422, builder.ToBytes());
            FinishLocked();
            return true;
        }
    }

    /// <summary>
    /// Answers 200 OK with <paramref name="sdpAnswer"/> and retransmits it (T1 doubling to T2) until the ACK arrives
    /// (§13.3.1.4). The 2xx grants a session timer when the caller asked for one or supports them (RFC 4028 §9).
    /// False when the call was already answered, rejected or cancelled.
    /// </summary>
    public bool Accept(ReadOnlyMemory<byte> sdpAnswer)
    {
        lock (_gate)
        {
            if (State is not (InviteSessionState.Incoming or InviteSessionState.Ringing)) return false;
            var builder = _usage.BuildResponse(_invite, 200, withContact: true, body: sdpAnswer);
            _usage.GrantSessionTimerLocked(_invite.Request, builder);
            var response = builder.ToBytes();
            if (!_invite.SendResponse(200, response))
            {
                _usage.StopSessionTimerLocked();
                return false;
            }

            State = InviteSessionState.Accepted;
            _usage.LocalSdp = sdpAnswer;
            _usage.StartRetransmittingLocked(_invite, 200, response);
            return true;
        }
    }

    /// <summary>Refuses the call with a final 3xx-6xx (e.g. 486 Busy Here, 603 Decline). False once answered or over.</summary>
    public bool Reject(int statusCode, string? reason = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        lock (_gate)
        {
            if (State is not (InviteSessionState.Incoming or InviteSessionState.Ringing)) return false;
            Send(_invite, statusCode, withContact: false, reason: reason);
            FinishLocked();
            return true;
        }
    }

    /// <summary>
    /// Ends the call from our side. Confirmed: BYE in a client transaction, Terminated on its final response or
    /// timeout. Accepted (no ACK yet): the BYE waits for the ACK or for the retransmission to give up, because a
    /// callee must not send BYE before either (§15). Before answering there is no dialog to BYE, so the INVITE is
    /// refused with 480. False when already ending. <paramref name="reason"/>, when given, is the value of a
    /// Reason header (RFC 3326) the BYE carries, e.g. <c>SIP;cause=408;text="RTP timeout"</c>.
    /// </summary>
    public bool Hangup(string? reason = null)
    {
        lock (_gate)
        {
            _byeReason ??= reason;
            switch (State)
            {
                case InviteSessionState.Incoming or InviteSessionState.Ringing:
                    break;
                case InviteSessionState.Accepted:
                    if (_hangupAfterAck) return false;
                    _hangupAfterAck = true;
                    return true;
                case InviteSessionState.Confirmed:
                    _usage.AnswerPendingOfferLocked(487);
                    _usage.StopRetransmittingLocked();
                    SendByeLocked();
                    return true;
                default:
                    return false;
            }
        }

        return Reject(480);
    }

    /// <summary>Answers the pending re-INVITE 200 OK with <paramref name="sdpAnswer"/>, retransmitted until its ACK.</summary>
    public bool AnswerReInvite(ReadOnlyMemory<byte> sdpAnswer) => _usage.AnswerReInvite(sdpAnswer);

    /// <summary>Refuses the pending re-INVITE (488 Not Acceptable Here by default); the call goes on as before (§14.2).</summary>
    public bool RejectReInvite(int statusCode = 488, string? reason = null) => _usage.RejectReInvite(statusCode, reason);

    public Task<SipResponse> SendRequestAsync(SipMethod method, string? contentType, ReadOnlyMemory<byte> body,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default) =>
        _usage.SendAsync(method, contentType, body, headers, cancellationToken);

    public Task<ReInviteOutcome> ReInviteAsync(ReadOnlyMemory<byte> sdpOffer, CancellationToken cancellationToken = default) =>
        _usage.ReInviteAsync(sdpOffer, cancellationToken);

    public override string ToString() => $"InviteServerSession({Id}, {State})";

    /// <summary>Sends our BYE (§15.1.1) and waits for its outcome in Terminating.</summary>
    private void SendByeLocked()
    {
        State = InviteSessionState.Terminating;
        _usage.StopSessionTimerLocked();
        var bye = Dialog.CreateRequest(SipMethod.Bye, _options.NewVia(Flow.Transport), LocalContact).AddHeader("User-Agent", SipServer.Name);
        if (_byeReason is not null) bye.AddHeader("Reason", _byeReason);
        var bytes = bye.ToBytes();
        if (!_router.SendInDialog(this, bytes)) FinishLocked();
    }

    /// <summary>Enters Terminated once and leaves the router's tables (lock-free maps, safe under our lock).</summary>
    private bool FinishLocked()
    {
        if (State == InviteSessionState.Terminated) return false;
        State = InviteSessionState.Terminated;
        _usage.StopLocked();
        _router.Forget(this);
        _completion.TrySetResult();
        return true;
    }

    private void Send(ServerTransaction transaction, int statusCode, bool withContact, string? reason = null) =>
        transaction.SendResponse(statusCode, Build(transaction, statusCode, withContact, default, reason));

    /// <summary>A response with our To tag, Contact when it sets up the dialog, and an SDP body (see <see cref="DialogUsage.BuildResponse"/>).</summary>
    private byte[] Build(ServerTransaction transaction, int statusCode, bool withContact, ReadOnlyMemory<byte> sdp, string? reason = null) =>
        _usage.BuildResponse(transaction, statusCode, withContact, body: sdp, reason: reason).ToBytes();
}
