using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// The state of one dialog at our end (RFC 3261 §12): the identifiers, both parties, where in-dialog requests go
/// (remote target and route set) and both CSeq spaces. Not thread-safe: the session that owns it guards it.
/// </summary>
public sealed class Dialog
{
    private readonly NameAddress[] _routeSet;
    private uint _localCSeq;

    private Dialog(string callId, NameAddress localParty, NameAddress remoteParty, SipUri remoteTarget,
        NameAddress[] routeSet, uint remoteCSeq, bool isSecure)
    {
        CallId = callId;
        LocalParty = localParty;
        RemoteParty = remoteParty;
        RemoteTarget = remoteTarget;
        _routeSet = routeSet;
        RemoteCSeq = remoteCSeq;
        IsSecure = isSecure;
    }

    public string CallId { get; }

    /// <summary>Our party: the To of the request that made the dialog, with our tag.</summary>
    public NameAddress LocalParty { get; }

    /// <summary>The peer: the From of that request, with its tag.</summary>
    public NameAddress RemoteParty { get; }

    public string LocalTag => LocalParty.Tag!;

    public string RemoteTag => RemoteParty.Tag!;

    public SipUri LocalUri => LocalParty.Uri;

    public SipUri RemoteUri => RemoteParty.Uri;

    public DialogId Id => new(CallId, LocalTag, RemoteTag);

    /// <summary>The peer's Contact: the Request-URI of requests we send; target-refresh requests replace it (§12.2.2).</summary>
    public SipUri RemoteTarget { get; private set; }

    /// <summary>The proxies that asked to stay on the path, in the order our requests visit them.</summary>
    public IReadOnlyList<NameAddress> RouteSet => _routeSet;

    /// <summary>The CSeq of the last request we sent in the dialog; 0 while we have sent none.</summary>
    public uint LocalCSeq => _localCSeq;

    /// <summary>The highest CSeq the peer has used in the dialog.</summary>
    public uint RemoteCSeq { get; private set; }

    /// <summary>The dialog was made by a sips Request-URI (§12.1.1); requests in it must stay on secure transports.</summary>
    public bool IsSecure { get; }

    /// <summary>
    /// The dialog a UAS creates by answering <paramref name="request"/> (§12.1.1): route set from Record-Route in the
    /// order received (a UAS does not reverse it, the UAC does), remote target from Contact, remote CSeq from CSeq.
    /// A request without Contact (a broken peer) gets its From URI as target rather than no dialog at all.
    /// </summary>
    public static Dialog CreateUas(SipRequest request, string localTag)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.From.Tag is null) throw new ArgumentException("a dialog needs the peer's From tag", nameof(request));
        var contact = request.Contacts.FirstOrDefault(c => !c.IsStar);
        var target = (contact?.Uri ?? request.From.Uri).WithoutHeaders();
        return new Dialog(request.CallId, request.To.WithTag(localTag), request.From, target,
            request.RecordRoutes.ToArray(), request.CSeq.Number, request.RequestUri.IsSecure);
    }

    /// <summary>
    /// The dialog a UAC gets from a response with a To tag to its <paramref name="invite"/> (§12.1.2): route set from
    /// the response's Record-Route in reverse order, remote target from its Contact (the Request-URI when it has
    /// none), the local sequence at the INVITE's CSeq and the remote one empty (0) until the peer sends a request.
    /// </summary>
    public static Dialog CreateUac(SipRequest invite, SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(response);
        if (response.To.Tag is null) throw new ArgumentException("a dialog needs the peer's To tag", nameof(response));
        if (invite.From.Tag is null) throw new ArgumentException("a dialog needs our From tag", nameof(invite));
        var contact = response.Contacts.FirstOrDefault(c => !c.IsStar);
        var target = (contact?.Uri ?? invite.RequestUri).WithoutHeaders();
        var routeSet = response.RecordRoutes.Reverse().ToArray();
        return new Dialog(invite.CallId, invite.From, response.To, target, routeSet, 0, invite.RequestUri.IsSecure)
        {
            _localCSeq = invite.CSeq.Number,
        };
    }

    /// <summary>
    /// §12.2.2: takes the CSeq of a request the peer sent in the dialog. A lower number than one already seen is out
    /// of order (answer 500) and leaves the dialog unchanged.
    /// </summary>
    public bool TryAcceptRemoteCSeq(uint cseq)
    {
        if (cseq < RemoteCSeq) return false;
        RemoteCSeq = cseq;
        return true;
    }

    /// <summary>
    /// §12.2 target refresh: a re-INVITE or UPDATE with a Contact (§12.2.2), or the 2xx to ours (§12.2.1.2), moves
    /// the remote target.
    /// </summary>
    public void RefreshRemoteTarget(SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var contact = message.Contacts.FirstOrDefault(c => !c.IsStar);
        if (contact is not null) RemoteTarget = contact.Uri.WithoutHeaders();
    }

    /// <summary>
    /// Carries our sequence over from an early dialog (a PRACK used a CSeq there) to the confirmed dialog made from
    /// the 2xx, so our next request in it is numbered above every one already sent (§12.2.1.1).
    /// </summary>
    internal void AdvanceLocalCSeq(uint atLeast)
    {
        if (_localCSeq < atLeast) _localCSeq = atLeast;
    }

    /// <summary>
    /// Starts a request of ours in the dialog (§12.2.1.1): CSeq one above the last, From/To with both tags, Call-ID,
    /// our <paramref name="via"/> (a fresh branch) and Contact. With a loose first route (lr) the Request-URI is the
    /// remote target and the route set goes in Route as is; with a strict one (RFC 2543) the first route becomes
    /// the Request-URI and the remote target goes last in Route.
    /// </summary>
    public SipRequestBuilder CreateRequest(SipMethod method, ViaHeader via, NameAddress? contact) =>
        Build(method, via, contact, NextLocalCSeq());

    /// <summary>
    /// The ACK for a 2xx to our INVITE (§13.2.2.4): built like a request in the dialog (Request-URI, Route, tags) but
    /// with the INVITE's CSeq number, which it does not consume, and its own <paramref name="via"/> (a fresh branch).
    /// </summary>
    public SipRequestBuilder CreateAck(ViaHeader via, uint inviteCSeq) => Build(SipMethod.Ack, via, contact: null, inviteCSeq);

    private SipRequestBuilder Build(SipMethod method, ViaHeader via, NameAddress? contact, uint cseq)
    {
        ArgumentNullException.ThrowIfNull(via);
        var strict = _routeSet.Length > 0 && !_routeSet[0].Uri.IsLooseRouter;
        var requestUri = strict ? _routeSet[0].Uri.WithoutHeaders() : RemoteTarget;
        var builder = new SipRequestBuilder(method, requestUri)
            .WithVia(via)
            .WithFrom(LocalParty)
            .WithTo(RemoteParty)
            .WithCallId(CallId)
            .WithCSeq(cseq);
        for (var i = strict ? 1 : 0; i < _routeSet.Length; i++) builder.AddRoute(_routeSet[i]);
        if (strict) builder.AddRoute(new NameAddress(RemoteTarget));
        if (contact is not null) builder.WithContact(contact);
        return builder;
    }

    /// <summary>§8.1.1.5/§12.2.1.1: the local sequence starts at 1 for a UAS (it was empty) and grows by one per request.</summary>
    private uint NextLocalCSeq() => ++_localCSeq;

    public override string ToString() => Id.ToString();
}
