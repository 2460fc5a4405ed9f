using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// The INVITE usage of a confirmed dialog, the same for both session kinds (RFC 3261 §12.2, §14; RFC 3311, 3515,
/// 4028, 5057): requests we send in the dialog and their responses (matched by method and CSeq), re-INVITE with its
/// ACK and §14.1 glare retry, the peer's re-INVITE/UPDATE/INFO/REFER/NOTIFY, our 2xx to a re-INVITE retransmitted
/// until its ACK, and the session timer. It runs under the owning session's lock (<c>…Locked</c> members are called
/// with it held) and hands owner callbacks back to be run after the lock is released.
/// </summary>
internal sealed partial class DialogUsage
{
    private static readonly KeyValuePair<string, string>[] NoHeaders = [];

    private readonly object _gate;
    private readonly IDialogUsageHost _host;
    private readonly SessionRouter _router;
    private readonly TimeProvider _time;
    private readonly InviteSessionOptions _options;
    // Made on the first request we send: most calls never send one, and a set-up should allocate little.
    private Dictionary<string, PendingRequest>? _outgoing;
    private List<string>? _branches;
    private PendingRequest? _ourOffer;
    private (uint CSeq, byte[] Ack)? _lastReInviteAck;

    public DialogUsage(object gate, IDialogUsageHost host, SessionRouter router, TimeProvider time, InviteSessionOptions options)
    {
        _gate = gate;
        _host = host;
        _router = router;
        _time = time;
        _options = options;
    }

    /// <summary>The SDP we last gave the peer (offer or answer); a re-INVITE that only refreshes the session repeats it.</summary>
    public ReadOnlyMemory<byte> LocalSdp { get; set; }

    /// <summary>
    /// Sends <paramref name="method"/> in the dialog and completes with its final response: the peer's, or one made
    /// here (408 when it timed out, 481 when there is no established dialog, 491 for an UPDATE offer that would
    /// cross another offer). 408 and 481 to anything but REFER, NOTIFY, SUBSCRIBE and MESSAGE end the session.
    /// </summary>
    public Task<SipResponse> SendAsync(SipMethod method, string? contentType, ReadOnlyMemory<byte> body,
        IReadOnlyList<KeyValuePair<string, string>>? headers, CancellationToken cancellationToken)
    {
        if (method is SipMethod.Invite or SipMethod.Ack or SipMethod.Cancel or SipMethod.Bye or SipMethod.Prack or SipMethod.Register or SipMethod.Unknown)
        {
            throw new ArgumentException($"{method} is not sent with SendRequestAsync (re-INVITE: ReInviteAsync, BYE: Hangup)", nameof(method));
        }

        PendingRequest? pending;
        lock (_gate)
        {
            var offer = method == SipMethod.Update && !body.IsEmpty;
            if (offer && OfferRefusalLocked() is { } refused) return Task.FromResult(LocalResponse(method, refused));
            pending = SendLocked(method, contentType, body, headers, isRefresh: false);
            if (pending is null) return Task.FromResult(LocalResponse(method, 481));
            if (offer) _ourOffer = pending;
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// RFC 3261 §14.1: sends a re-INVITE with <paramref name="sdpOffer"/>, ACKs its 2xx (here, on the socket thread, so
    /// retransmissions get the same ACK), and after a 491 waits the random time of §14.1 (2.1-4 s when we made the
    /// Call-ID, else 0-2 s) before trying again, <see cref="InviteSessionOptions.GlareRetries"/> times.
    /// </summary>
    public Task<ReInviteOutcome> ReInviteAsync(ReadOnlyMemory<byte> sdpOffer, CancellationToken cancellationToken)
    {
        if (sdpOffer.IsEmpty) throw new ArgumentException("a re-INVITE from the switch carries an offer", nameof(sdpOffer));
        PendingRequest? pending = null;
        int? refused;
        lock (_gate)
        {
            refused = OfferRefusalLocked();
            if (refused is null)
            {
                pending = SendLocked(SipMethod.Invite, "application/sdp", sdpOffer, null, isRefresh: false, _options.GlareRetries);
                if (pending is null) refused = 481;
                else _ourOffer = pending;
            }
        }

        if (pending is null) return Task.FromResult(new ReInviteOutcome(refused!.Value, SipReasonPhrases.For(refused.Value), default));
        return OutcomeAsync(pending.Completion.Task.WaitAsync(cancellationToken));

        static async Task<ReInviteOutcome> OutcomeAsync(Task<SipResponse> final)
        {
            var response = await final.ConfigureAwait(false);
            return new ReInviteOutcome(response.StatusCode, response.ReasonPhrase, response.IsSuccess ? response.Body : default);
        }
    }

    /// <summary>A response in one of our in-dialog client transactions (routed by branch).</summary>
    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        Action? notify = null;
        PendingRequest? finished = null;
        lock (_gate)
        {
            if (_outgoing is null || !_outgoing.TryGetValue(transaction.Key.Branch, out var pending))
            {
                // A retransmitted 2xx to a re-INVITE already answered: the same ACK again (§13.2.2.4).
                if (response.IsSuccess && _lastReInviteAck is { } ack && response.CSeq.Method == SipMethod.Invite
                    && response.CSeq.Number == ack.CSeq && _host.Dialog is { } dialog)
                {
                    _router.SendAck(ack.Ack, InDialogDestination.For(dialog, _host.Flow));
                }

                return;
            }

            if (!pending.Matches(response) || response.IsProvisional) return;
            _outgoing.Remove(transaction.Key.Branch);
            notify = OnFinalResponseLocked(pending, response);
            if (!ReferenceEquals(_glareWait, pending)) finished = pending;
        }

        finished?.Completion.TrySetResult(response);
        notify?.Invoke();
    }

    /// <summary>Timer B/F or a transport failure (§8.1.3.1: as a 408).</summary>
    public void OnTimeout(ClientTransaction transaction)
    {
        Action? notify;
        PendingRequest? pending;
        lock (_gate)
        {
            if (_outgoing is null || !_outgoing.Remove(transaction.Key.Branch, out pending)) return;
            if (ReferenceEquals(_ourOffer, pending)) _ourOffer = null;
            notify = EndsSessionOnFailure(pending.Method) ? _host.End(SessionEndCause.NoResponse) : null;
        }

        pending.Completion.TrySetResult(LocalResponse(pending.Method, 408));
        notify?.Invoke();
    }

    /// <summary>The session is over: timers stop and our branches no longer route here.</summary>
    public void StopLocked()
    {
        StopGlareWaitLocked();
        StopRetransmittingLocked();
        StopSessionTimerLocked();
        if (_branches is not null) _router.Forget(this, _branches);
    }

    private Action? OnFinalResponseLocked(PendingRequest pending, SipResponse response)
    {
        if (ReferenceEquals(_ourOffer, pending)) _ourOffer = null;
        if (response.StatusCode == 491 && pending.GlareRetriesLeft > 0 && _host.IsEstablished)
        {
            StartGlareWaitLocked(pending);
            return null;
        }

        var dialog = _host.Dialog;
        if (response.IsSuccess && dialog is not null && pending.Method is SipMethod.Invite or SipMethod.Update)
        {
            dialog.RefreshRemoteTarget(response); // §12.2.1.2: a 2xx to a target refresh moves the remote target (the ACK goes there)
            if (pending.Method == SipMethod.Invite)
            {
                // §13.2.2.4: the ACK is the UAC core's, in the dialog, with the re-INVITE's CSeq number.
                var ack = dialog.CreateAck(_options.NewVia(_host.Flow.Transport), pending.CSeq).AddHeader("User-Agent", SipServer.Name).ToBytes();
                _lastReInviteAck = (pending.CSeq, ack);
                _router.SendAck(ack, InDialogDestination.For(dialog, _host.Flow));
                if (!pending.IsRefresh) LocalSdp = pending.Request.Body;
            }

            AcceptSessionTimerLocked(response, pending.Method == SipMethod.Invite);
        }
        else if (pending.IsRefresh && response.StatusCode is 405 or 501 && pending.Method == SipMethod.Update)
        {
            RetryRefreshWithReInviteLocked();
        }
        else if (pending.IsRefresh && response.StatusCode is 491 or 500)
        {
            RetryRefreshSoonLocked(); // a crossing offer or a busy peer: the session has not expired yet
        }

        if (!EndsSessionOnFailure(pending.Method)) return null;
        return response.StatusCode switch
        {
            481 => _host.End(SessionEndCause.DialogGone),
            408 => _host.End(SessionEndCause.NoResponse),
            _ => null,
        };
    }

    /// <summary>
    /// Writes and sends one request in the dialog (§12.2.1.1) in a client transaction routed back here; null when
    /// there is no established dialog. Target-refresh requests carry Supported, Allow and the session timer's headers.
    /// </summary>
    private PendingRequest? SendLocked(SipMethod method, string? contentType, ReadOnlyMemory<byte> body,
        IReadOnlyList<KeyValuePair<string, string>>? headers, bool isRefresh, int glareRetries = 0,
        TaskCompletionSource<SipResponse>? completion = null)
    {
        if (!_host.IsEstablished || _host.Dialog is not { } dialog) return null;
        var builder = dialog.CreateRequest(method, _options.NewVia(_host.Flow.Transport), _host.LocalContact)
            .AddHeader("User-Agent", SipServer.Name);
        if (method is SipMethod.Invite or SipMethod.Update)
        {
            builder.AddHeader("Allow", _options.Allow).AddHeader("Supported", _options.Supported);
            AddSessionTimerRequestHeadersLocked(builder);
        }

        foreach (var (name, value) in headers ?? NoHeaders) builder.AddHeader(name, value);
        if (!body.IsEmpty) builder.WithBody(contentType ?? "application/sdp", body);
        var bytes = builder.ToBytes();
        if (SipMessageParser.TryParse(bytes, out var parsed, out _) != SipParseStatus.Ok || parsed is not SipRequest request) return null;
        var pending = new PendingRequest(request, isRefresh, glareRetries, completion);
        var branch = request.TopVia.Branch!;
        (_outgoing ??= new Dictionary<string, PendingRequest>(StringComparer.Ordinal))[branch] = pending;
        (_branches ??= new List<string>(2)).Add(branch);
        _router.SendForUsage(this, request, bytes, InDialogDestination.For(dialog, _host.Flow));
        return pending;
    }

    /// <summary>
    /// Why a new offer of ours cannot go out now, or null: an offer/answer exchange is under way in either direction
    /// (491, RFC 3261 §14.1, RFC 3311 §5.1), or the session's own state refuses it.
    /// </summary>
    private int? OfferRefusalLocked()
    {
        if (_host.RefuseOffer() is { } status) return status;
        if (!_host.IsEstablished) return 481;
        return _ourOffer is not null || _peerOffer is not null || _unacked is not null ? 491 : null;
    }

    /// <summary>RFC 5057 §5.1: 408/481 to a request of the INVITE usage ends the session; REFER, NOTIFY, SUBSCRIBE and MESSAGE have usages of their own.</summary>
    private static bool EndsSessionOnFailure(SipMethod method) =>
        method is not (SipMethod.Refer or SipMethod.Notify or SipMethod.Subscribe or SipMethod.Message);


    /// <summary>A final response made here for a request that got none (or could not be sent), so callers see one shape.</summary>
    private SipResponse LocalResponse(SipMethod method, int status)
    {
        var dialog = _host.Dialog;
        var text = new StringBuilder()
            .Append("SIP/2.0 ").Append(status).Append(' ').Append(SipReasonPhrases.For(status)).Append("\r\n")
            .Append("Via: SIP/2.0/UDP ").Append(_options.LocalHost).Append(";branch=").Append(SipIds.NewBranch()).Append("\r\n")
            .Append("From: ").Append(dialog?.LocalParty.ToString() ?? "<sip:local.invalid>").Append("\r\n")
            .Append("To: ").Append(dialog?.RemoteParty.ToString() ?? "<sip:remote.invalid>").Append("\r\n")
            .Append("Call-ID: ").Append(dialog?.CallId ?? "local").Append("\r\n")
            .Append("CSeq: ").Append(dialog?.LocalCSeq ?? 0).Append(' ').Append(SipMethods.ToName(method)).Append("\r\n")
            .Append("Content-Length: 0\r\n\r\n");
        SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text.ToString()), out var parsed, out _);
        return (SipResponse)parsed!;
    }
}
