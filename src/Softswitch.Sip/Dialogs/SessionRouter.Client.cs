using System.Collections.Concurrent;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// The calling half: starts <see cref="InviteClientSession"/>s and routes their traffic. Responses to their INVITE,
/// CANCEL and BYE come back by branch; a 2xx retransmitted after the INVITE transaction ended arrives as a stray
/// response (<see cref="OnStrayResponse"/>) and goes by Call-ID and our From tag; requests the callee sends in the
/// dialog go by Call-ID and our To tag (<see cref="TryHandleInDialog"/>).
/// </summary>
/// <remarks>
/// Wiring for the dispatcher (the transaction user): attach with <see cref="Attach(TransactionLayer, ITransactionTransport)"/>
/// (the ACK for a 2xx is sent outside any transaction, §13.2.2.4) and pass <see cref="ITransactionUser.OnStrayResponse"/>
/// to <see cref="OnStrayResponse"/> before logging it. <see cref="OnResponse"/>, <see cref="OnTimeout"/> and
/// <see cref="TryHandleInDialog"/> already cover calling sessions.
/// </remarks>
public sealed partial class SessionRouter
{
    private readonly ConcurrentDictionary<string, InviteClientSession> _clientByBranch = new(StringComparer.Ordinal);
    private ITransactionTransport? _transport;

    /// <summary>Attaches the layer and the transport the ACKs for 2xx responses go out on (calling sessions need both).</summary>
    public void Attach(TransactionLayer transactions, ITransactionTransport transport)
    {
        _transport = transport;
        Attach(transactions);
    }

    /// <summary>
    /// Starts the calling side of a new INVITE for <paramref name="owner"/>: fresh Call-ID and From tag, CSeq 1, sent
    /// at once to <see cref="OutgoingInvite.Destination"/>. Throws when the router was attached without a transport.
    /// </summary>
    public InviteClientSession StartClientSession(OutgoingInvite invite, IInviteClientSessionOwner owner)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(owner);
        if (_transactions is null || _transport is null)
        {
            throw new InvalidOperationException("calling sessions need Attach(TransactionLayer, ITransactionTransport) first");
        }

        var session = new InviteClientSession(this, invite, owner, _time, _options);
        Dialogs.TryAdd(session); // a fresh random Call-ID: the key cannot be taken
        session.Start();
        return session;
    }

    /// <summary>
    /// A response that matched no client transaction. A 2xx to a calling session's INVITE (retransmitted after the
    /// transaction ended, or from another fork) is handed to the session so it can ACK it again (§13.2.2.4).
    /// False for anything else, which the caller logs.
    /// </summary>
    public bool OnStrayResponse(SipResponse response, SipEndPoint source)
    {
        if (!response.IsSuccess || response.CSeq.Method != SipMethod.Invite || response.From.Tag is not { } localTag) return false;
        if (!Dialogs.TryGetClient(response.CallId, localTag, out var session)) return false;
        session.OnSuccessResponse(response);
        return true;
    }

    /// <summary>Sends a request a calling session built (INVITE, CANCEL, BYE) in a client transaction routed back to it.</summary>
    internal ClientTransaction SendForClient(InviteClientSession session, SipRequest request, byte[] requestBytes, SipEndPoint destination)
    {
        // CANCEL shares the INVITE's branch (§9.1); the session tells them apart by the transaction's method.
        _clientByBranch[request.TopVia.Branch!] = session;
        return _transactions!.SendRequest(request, requestBytes, destination);
    }

    /// <summary>Sends the ACK for a 2xx: no transaction, fire and forget (§13.2.2.4, §17.1.1.3).</summary>
    internal void SendAck(ReadOnlyMemory<byte> ack, SipEndPoint destination) => _transport?.Send(ack, destination);

    /// <summary>The calling session terminated: it no longer matches requests, stray 2xx or responses.</summary>
    internal void Forget(InviteClientSession session, IEnumerable<string> branches)
    {
        Dialogs.Remove(session);
        foreach (var branch in branches)
        {
            _clientByBranch.TryRemove(new KeyValuePair<string, InviteClientSession>(branch, session));
        }
    }

    private bool OnClientResponse(ClientTransaction transaction, SipResponse response)
    {
        if (!_clientByBranch.TryGetValue(transaction.Key.Branch, out var session)) return false;
        session.OnResponse(transaction, response);
        return true;
    }

    private bool OnClientTimeout(ClientTransaction transaction)
    {
        if (!_clientByBranch.TryGetValue(transaction.Key.Branch, out var session)) return false;
        session.OnTimeout(transaction);
        return true;
    }

    /// <summary>A request with a To tag that names a calling session (ours is the To tag in requests the callee sends).</summary>
    private bool TryHandleClientInDialog(ServerTransaction transaction, DialogId id)
    {
        if (!Dialogs.TryGetClient(id.CallId, id.LocalTag, out var session)) return false;
        session.OnRequest(transaction);
        return true;
    }
}
