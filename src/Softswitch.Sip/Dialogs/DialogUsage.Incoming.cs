using System.Globalization;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Dialogs;

/// <summary>Requests the peer sends in the dialog, other than BYE (the session's own) and ACK.</summary>
internal sealed partial class DialogUsage
{
    // The peer's offer waiting for the owner's answer: a re-INVITE (ServerTransaction) or an UPDATE (InDialogRequest).
    private object? _peerOffer;

    /// <summary>True while the peer's re-INVITE waits for <see cref="AnswerReInviteLocked"/> or <see cref="RejectReInviteLocked"/>.</summary>
    public bool HasPendingReInvite => _peerOffer is ServerTransaction;

    /// <summary>
    /// One request the peer sent in the established dialog, its CSeq already accepted (§12.2.2). Answered here
    /// (INFO 200, OPTIONS 200, UPDATE without an offer 200, PRACK 481) or handed to the owner.
    /// </summary>
    public Action? OnRequestLocked(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (request.Method is SipMethod.Invite or SipMethod.Update && RefusedIntervalTooSmallLocked(transaction)) return null;
        switch (request.Method)
        {
            case SipMethod.Invite:
                return OnPeerOfferLocked(transaction, request);
            case SipMethod.Update when !request.Body.IsEmpty:
                return OnPeerOfferLocked(transaction, request);
            case SipMethod.Update:
                // RFC 3311 §5.2 without an offer: a target refresh and (RFC 4028 §9) a session refresh.
                _host.Dialog!.RefreshRemoteTarget(request);
                Send(transaction, RefreshAnswerLocked(transaction, withSdp: default));
                return null;
            case SipMethod.Info:
                Send(transaction, BuildResponse(transaction, 200, withContact: false));
                return _host.NotifyInfo(request.ContentType, request.Body);
            case SipMethod.Options:
                Send(transaction, BuildResponse(transaction, 200, withContact: true).AddHeader("Accept", "application/sdp"));
                return null;
            case SipMethod.Prack:
                // RFC 3262 §3: we send no reliable provisional responses, so no PRACK can match one.
                Send(transaction, BuildResponse(transaction, 481, withContact: false));
                return null;
            default:
                return _host.NotifyRequest(new InDialogRequest(this, transaction));
        }
    }

    /// <summary>
    /// RFC 4028 §9: a refresh (re-INVITE or UPDATE) whose Session-Expires is below our Min-SE is refused with 422 and
    /// our Min-SE, as the first INVITE is; the session and its running timer go on as they were.
    /// </summary>
    private bool RefusedIntervalTooSmallLocked(ServerTransaction transaction)
    {
        if (_options.SessionExpires is null || SessionExpiresValue.Read(transaction.Request) is not { } asked || asked.Seconds >= MinSeSeconds)
        {
            return false;
        }

        Send(transaction, BuildResponse(transaction, 422, withContact: false)
            .AddHeader("Min-SE", MinSeSeconds.ToString(CultureInfo.InvariantCulture)));
        return true;
    }

    /// <summary>Answers the peer's re-INVITE 200 with <paramref name="sdpAnswer"/>, retransmitted until its ACK (§13.3.1.4).</summary>
    public bool AnswerReInvite(ReadOnlyMemory<byte> sdpAnswer)
    {
        lock (_gate) return AnswerReInviteLocked(sdpAnswer);
    }

    /// <summary>Refuses the peer's re-INVITE (488 by default); the session goes on as it was (§14.2).</summary>
    public bool RejectReInvite(int statusCode, string? reason)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        lock (_gate) return RejectReInviteLocked(statusCode, reason);
    }

    private bool AnswerReInviteLocked(ReadOnlyMemory<byte> sdpAnswer)
    {
        if (_peerOffer is not ServerTransaction reInvite) return false;
        _peerOffer = null;
        var response = RefreshAnswerLocked(reInvite, sdpAnswer);
        if (!reInvite.SendResponse(200, response)) return false;
        LocalSdp = sdpAnswer;
        StartRetransmittingLocked(reInvite, 200, response);
        return true;
    }

    private bool RejectReInviteLocked(int statusCode, string? reason)
    {
        if (_peerOffer is not ServerTransaction reInvite) return false;
        _peerOffer = null;
        Send(reInvite, BuildResponse(reInvite, statusCode, withContact: false, reason: reason));
        return true;
    }

    /// <summary>§15.1.2: the session is ending, so an offer the owner has not answered yet gets 487.</summary>
    public void AnswerPendingOfferLocked(int statusCode)
    {
        switch (_peerOffer)
        {
            case ServerTransaction reInvite:
                _peerOffer = null;
                Send(reInvite, BuildResponse(reInvite, statusCode, withContact: false));
                break;
            case InDialogRequest update:
                _peerOffer = null;
                update.Respond(statusCode);
                break;
        }
    }

    /// <summary>The owner's answer to an <see cref="InDialogRequest"/> (outside the lock: it takes it).</summary>
    public bool Respond(InDialogRequest request, int statusCode, string? reason, IReadOnlyList<KeyValuePair<string, string>>? headers,
        string? contentType, ReadOnlyMemory<byte> body)
    {
        lock (_gate)
        {
            var transaction = request.Transaction;
            var wasOffer = ReferenceEquals(_peerOffer, request);
            if (wasOffer) _peerOffer = null;
            var success = statusCode is >= 200 and < 300;
            var targetRefresh = request.Method is SipMethod.Update or SipMethod.Subscribe or SipMethod.Refer;
            var builder = wasOffer && success
                ? RefreshAnswerBuilderLocked(transaction, body)
                : BuildResponse(transaction, statusCode, withContact: success && targetRefresh, contentType: contentType, body: body, reason: reason);
            if (wasOffer && success) LocalSdp = body;
            foreach (var (name, value) in headers ?? NoHeaders) builder.AddHeader(name, value);
            return transaction.SendResponse(statusCode, builder.ToBytes());
        }
    }

    /// <summary>
    /// A response of the session to the peer: our To tag, Contact when it sets or refreshes the target, Allow on 2xx
    /// and 405, Supported on 2xx, Server, and a body.
    /// </summary>
    public SipResponseBuilder BuildResponse(ServerTransaction transaction, int statusCode, bool withContact, string? contentType = null,
        ReadOnlyMemory<byte> body = default, string? reason = null)
    {
        var builder = SipResponseBuilder.For(transaction.Request, statusCode, reason)
            .WithReceivedFrom(transaction.Source.Address)
            .WithToTag(_host.Dialog!.LocalTag);
        if (withContact) builder.WithContact(_host.LocalContact);
        if (statusCode is >= 200 and < 300 || statusCode == 405) builder.AddHeader("Allow", _options.Allow);
        if (statusCode is >= 200 and < 300) builder.AddHeader("Supported", _options.Supported);
        builder.AddHeader("Server", SipServer.Name);
        if (!body.IsEmpty) builder.WithBody(contentType ?? "application/sdp", body);
        return builder;
    }

    /// <summary>
    /// The peer's offer: a re-INVITE (§14.2) or an UPDATE with SDP (RFC 3311 §5.2). While our own offer is out: 491
    /// (glare); while another of the peer's is unanswered, or before the session is answered: 500 with Retry-After
    /// (the MUST of §14.2 and RFC 3311 §5.2); while our 2xx waits for its ACK the last exchange is not settled: 491.
    /// Otherwise the Contact refreshes the remote target and the owner answers.
    /// </summary>
    private Action? OnPeerOfferLocked(ServerTransaction transaction, SipRequest request)
    {
        var refused = _host.RefuseOffer()
            ?? (_peerOffer is not null ? 500 : _ourOffer is not null || _unacked is not null ? 491 : (int?)null);
        if (refused is { } status)
        {
            var builder = BuildResponse(transaction, status, withContact: false);
            if (status == 500) builder.AddHeader("Retry-After", Random.Shared.Next(0, 11).ToString(CultureInfo.InvariantCulture));
            Send(transaction, builder);
            return null;
        }

        _host.Dialog!.RefreshRemoteTarget(request);
        if (request.Method == SipMethod.Invite)
        {
            _peerOffer = transaction;
            return _host.NotifyReInvite(request.Body);
        }

        var update = new InDialogRequest(this, transaction);
        _peerOffer = update;
        return _host.NotifyRequest(update);
    }

    /// <summary>A 2xx to a target/session refresh: Contact, our SDP when there is one, and the session timer we grant (RFC 4028 §9).</summary>
    private byte[] RefreshAnswerLocked(ServerTransaction transaction, ReadOnlyMemory<byte> withSdp) =>
        RefreshAnswerBuilderLocked(transaction, withSdp).ToBytes();

    private SipResponseBuilder RefreshAnswerBuilderLocked(ServerTransaction transaction, ReadOnlyMemory<byte> sdp)
    {
        var builder = BuildResponse(transaction, 200, withContact: true, body: sdp);
        GrantSessionTimerLocked(transaction.Request, builder);
        return builder;
    }

    private static void Send(ServerTransaction transaction, SipResponseBuilder builder) => Send(transaction, builder.ToBytes(), builder.StatusCode);

    private static void Send(ServerTransaction transaction, byte[] response, int statusCode = 200) => transaction.SendResponse(statusCode, response);
}
