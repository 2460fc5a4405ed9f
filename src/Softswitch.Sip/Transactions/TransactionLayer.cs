using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// RFC 3261 §17: matches every parsed message to its transaction, creates server transactions for new
/// requests, absorbs retransmissions, and starts client transactions for the TU. It does no I/O itself:
/// bytes go out through <see cref="ITransactionTransport"/>, news goes up through <see cref="ITransactionUser"/>.
/// </summary>
public sealed class TransactionLayer
{
    private readonly TransactionContext _context;
    private readonly ITransactionMessageFactory _messages;

    public TransactionLayer(TimeProvider time, TransactionTimerOptions timers, ITransactionTransport transport,
        ITransactionUser user, ITransactionMessageFactory messages)
    {
        _context = new TransactionContext(time, timers, transport, user, new TransactionTable());
        _messages = messages;
    }

    public int ServerTransactionCount => _context.Table.ServerCount;

    public int ClientTransactionCount => _context.Table.ClientCount;

    /// <summary>A request arrived from <paramref name="source"/>.</summary>
    public void OnRequest(SipRequest request, SipEndPoint source)
    {
        var key = TransactionKey.ForServer(request);
        if (_context.Table.TryGetServer(key, out var existing))
        {
            existing.OnRetransmission(request, source);
            return;
        }

        if (request.Method == SipMethod.Ack)
        {
            // No INVITE transaction: the ACK for a 2xx (other branch), or a stray. Both belong to the dialog layer.
            _context.User.OnAck(request, source);
            return;
        }

        var destination = ResponseDestination.For(request, source);
        ServerTransaction created = request.Method == SipMethod.Invite
            ? new ServerInviteTransaction(request, source, destination, _context)
            : new ServerNonInviteTransaction(request, source, destination, _context);

        var merge = MergeKey.For(request);
        var isMerged = merge is { } m && _context.Table.TryGetMerged(m, out var other) && other != key;
        var transaction = _context.Table.AddServer(created, isMerged ? null : merge);
        if (!ReferenceEquals(transaction, created))
        {
            transaction.OnRetransmission(request, source); // lost a race with a copy of itself
            return;
        }

        if (isMerged)
        {
            transaction.SendResponse(482, _messages.CreateResponse(request, source, 482));
            return;
        }

        if (transaction is ServerInviteTransaction)
        {
            // §17.2.1: answer at once so the caller stops retransmitting while the TU works.
            transaction.SendResponse(100, _messages.CreateResponse(request, source, 100));
        }

        _context.User.OnRequest(transaction);
    }

    /// <summary>A response arrived; it goes to the client transaction with the same branch and CSeq method.</summary>
    public void OnResponse(SipResponse response, SipEndPoint source)
    {
        if (TransactionKey.ForResponse(response) is { } key && _context.Table.TryGetClient(key, out var transaction))
        {
            transaction.OnResponse(response);
            return;
        }

        _context.User.OnStrayResponse(response, source);
    }

    /// <summary>
    /// Starts a client transaction for a request the TU built (its top Via carries a fresh branch).
    /// The caller hears back through <see cref="ITransactionUser.OnResponse"/> and <see cref="ITransactionUser.OnTimeout"/>.
    /// </summary>
    public ClientTransaction SendRequest(SipRequest request, ReadOnlyMemory<byte> requestBytes, SipEndPoint destination)
    {
        if (request.Method == SipMethod.Ack)
        {
            throw new ArgumentException("an ACK for a 2xx is sent by the dialog, not in a transaction (§17.1.1.3)", nameof(request));
        }

        ClientTransaction transaction = request.Method == SipMethod.Invite
            ? new ClientInviteTransaction(request, requestBytes, destination, _context, _messages.CreateAck)
            : new ClientNonInviteTransaction(request, requestBytes, destination, _context);
        if (!_context.Table.AddClient(transaction))
        {
            throw new InvalidOperationException($"a client transaction with branch {transaction.Key.Branch} exists already");
        }

        transaction.Start();
        return transaction;
    }

    /// <summary>§9.2: the INVITE transaction a CANCEL refers to (same branch and sent-by), marked as cancelled.</summary>
    public ServerInviteTransaction? FindInviteFor(SipRequest cancel)
    {
        var key = TransactionKey.ForServer(cancel) with { Method = "INVITE" };
        if (!_context.Table.TryGetServer(key, out var transaction) || transaction is not ServerInviteTransaction invite) return null;
        invite.IsCancelled = true;
        return invite;
    }

    /// <summary>
    /// The transport could not deliver what <paramref name="transaction"/> sent to <paramref name="destination"/>
    /// (§17.1.4, §17.2.4). Call it from a thread that holds no lock of the TU's: the TU may hear of it at once.
    /// </summary>
    public static void OnTransportError(Transaction transaction, SipEndPoint destination) => transaction.OnTransportError(destination);
}
