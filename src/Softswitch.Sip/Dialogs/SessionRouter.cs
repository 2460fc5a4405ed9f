using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// The dialog half of the transaction user: creates INVITE sessions and hands each in-dialog request, CANCEL,
/// 2xx ACK, and response to our BYE to the session it belongs to (§12.2.2). The request dispatcher calls the
/// <c>TryHandle…</c>/<c>On…</c> methods first; false means "not a dialog's business", true means handled and answered.
/// Thread-safe; it holds no lock of its own while a session runs.
/// </summary>
public sealed partial class SessionRouter
{
    private readonly TimeProvider _time;
    private readonly InviteSessionOptions _options;
    private readonly ILogger<SessionRouter> _logger;
    private readonly ConcurrentDictionary<ServerTransaction, InviteServerSession> _byInvite = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, InviteServerSession> _byClientBranch = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DialogUsage> _usageByBranch = new(StringComparer.Ordinal);
    private TransactionLayer? _transactions;

    public SessionRouter(TimeProvider time, InviteSessionOptions options, ILogger<SessionRouter>? logger = null)
    {
        _time = time;
        _options = options;
        _logger = logger ?? NullLogger<SessionRouter>.Instance;
    }

    /// <summary>The live sessions by dialog id.</summary>
    public DialogTable Dialogs { get; } = new();

    /// <summary>The layer is created with the dispatcher as its user, so it is attached afterwards (as the dispatcher's is).</summary>
    public void Attach(TransactionLayer transactions) => _transactions = transactions;

    /// <summary>
    /// Starts the answering side of a new INVITE (no To tag; authenticate it first) for <paramref name="owner"/>.
    /// The session makes the dialog with our tag; nothing is sent until the owner rings, accepts or rejects.
    /// </summary>
    public InviteServerSession CreateSession(ServerTransaction invite, IInviteSessionOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (invite is not ServerInviteTransaction inviteTransaction)
        {
            throw new ArgumentException("a session starts from an INVITE server transaction", nameof(invite));
        }

        if (invite.Request.To.Tag is not null) throw new ArgumentException("an INVITE with a To tag belongs to a dialog", nameof(invite));
        // Our tag is the one the challenge carried (ToTags), so a late copy of the 407 still names this dialog.
        var session = new InviteServerSession(this, inviteTransaction, owner, _time, _options, ToTags.For(invite.Request));
        if (!Dialogs.TryAdd(session))
        {
            // The caller reused a live call's Call-ID and From tag for a new INVITE: a random tag keeps the two apart.
            session = new InviteServerSession(this, inviteTransaction, owner, _time, _options, SipIds.NewTag());
            Dialogs.TryAdd(session); // a fresh random tag: the id cannot be taken
        }

        _byInvite[invite] = session;
        return session;
    }

    /// <summary>
    /// A new request from the dispatcher. CANCEL for a session's INVITE and any request with a To tag are handled here
    /// (a To tag naming no live dialog gets 481, §12.2.2). Returns false for out-of-dialog requests.
    /// </summary>
    public bool TryHandleInDialog(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (request.Method == SipMethod.Cancel) return TryHandleCancel(transaction);
        if (DialogId.ForIncoming(request) is not { } id) return false;
        if (Dialogs.TryGet(id, out var session))
        {
            session.OnRequest(transaction);
            return true;
        }

        if (TryHandleClientInDialog(transaction, id)) return true;

        LogUnknownDialog(request.CallId, request.MethodName, id.LocalTag, transaction.Source.ToString());
        transaction.Respond(481);
        return true;
    }

    /// <summary>§9.2: a CANCEL whose INVITE belongs to a session. False when no session owns that INVITE.</summary>
    public bool TryHandleCancel(ServerTransaction cancel)
    {
        var invite = _transactions?.FindInviteFor(cancel.Request);
        if (invite is null || !_byInvite.TryGetValue(invite, out var session)) return false;
        session.OnCancel(cancel);
        return true;
    }

    /// <summary>An ACK no transaction took (<see cref="ITransactionUser.OnAck"/>): the ACK for a session's 2xx. False if no dialog matches.</summary>
    public bool OnAck(SipRequest ack, SipEndPoint source)
    {
        if (DialogId.ForIncoming(ack) is not { } id) return false;
        if (Dialogs.TryGet(id, out var session))
        {
            session.OnAck(ack);
            return true;
        }

        // The ACK for a calling session's 2xx to the callee's re-INVITE (our tag is in To).
        if (!Dialogs.TryGetClient(id.CallId, id.LocalTag, out var client)) return false;
        client.OnAck(ack);
        return true;
    }

    /// <summary>
    /// A response to a request a session sent (a BYE, an in-dialog request, or a calling session's INVITE/CANCEL/BYE/PRACK).
    /// False for other client transactions.
    /// </summary>
    public bool OnResponse(ClientTransaction transaction, SipResponse response)
    {
        var branch = transaction.Key.Branch;
        if (_usageByBranch.TryGetValue(branch, out var usage))
        {
            // An INVITE's branch stays until the session ends: its 2xx retransmissions need the same ACK.
            if (!response.IsProvisional && transaction.Key.Method != "INVITE") _usageByBranch.TryRemove(branch, out _);
            usage.OnResponse(transaction, response);
            return true;
        }

        if (!_byClientBranch.TryGetValue(branch, out var session)) return OnClientResponse(transaction, response);
        if (!response.IsProvisional) _byClientBranch.TryRemove(branch, out _);
        session.OnByeResponse(response);
        return true;
    }

    /// <summary>A session's request timed out (Timer F) or its transport failed. False for other client transactions.</summary>
    public bool OnTimeout(ClientTransaction transaction)
    {
        if (_usageByBranch.TryRemove(transaction.Key.Branch, out var usage))
        {
            usage.OnTimeout(transaction);
            return true;
        }

        if (!_byClientBranch.TryRemove(transaction.Key.Branch, out var session)) return OnClientTimeout(transaction);
        session.OnByeTimeout();
        return true;
    }

    /// <summary>A session's INVITE or re-INVITE transaction could not reach the caller. False for other transactions.</summary>
    public bool OnServerFailure(ServerTransaction transaction)
    {
        if (!_byInvite.TryGetValue(transaction, out var session)
            && !(DialogId.ForIncoming(transaction.Request) is { } id && Dialogs.TryGet(id, out session)))
        {
            return false;
        }

        session.OnTransportFailure(transaction);
        return true;
    }

    /// <summary>Sends a request a session built in its dialog, in a client transaction whose outcome comes back here.</summary>
    internal bool SendInDialog(InviteServerSession session, byte[] requestBytes)
    {
        if (_transactions is not { } transactions
            || SipMessageParser.TryParse(requestBytes, out var parsed, out _) != SipParseStatus.Ok
            || parsed is not SipRequest request
            || request.TopVia.Branch is not { } branch)
        {
            return false;
        }

        _byClientBranch[branch] = session;
        transactions.SendRequest(request, requestBytes, InDialogDestination.For(session.Dialog, session.Flow));
        return true;
    }

    /// <summary>Sends a request of a session's dialog usage in a client transaction whose responses come back to it.</summary>
    internal void SendForUsage(DialogUsage usage, SipRequest request, byte[] requestBytes, SipEndPoint destination)
    {
        _usageByBranch[request.TopVia.Branch!] = usage;
        _transactions?.SendRequest(request, requestBytes, destination);
    }

    /// <summary>A dialog usage ended: its requests' branches no longer route to it.</summary>
    internal void Forget(DialogUsage usage, IEnumerable<string> branches)
    {
        foreach (var branch in branches) _usageByBranch.TryRemove(new KeyValuePair<string, DialogUsage>(branch, usage));
    }

    /// <summary>The session terminated: it no longer matches requests (a late BYE response is still routed by branch).</summary>
    internal void Forget(InviteServerSession session)
    {
        Dialogs.Remove(session);
        _byInvite.TryRemove(new KeyValuePair<ServerTransaction, InviteServerSession>(session.InviteTransaction, session));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Method} for no known dialog (To tag {LocalTag}) from {Source}; 481")]
    private partial void LogUnknownDialog(string callId, string method, string localTag, string source);
}
