using System.Collections.Concurrent;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// Sends out-of-dialog non-INVITE requests the switch originates (REGISTER to a carrier, OPTIONS keepalives) in client
/// transactions, and routes their responses and timeouts back to the sender by branch. The transaction user passes its
/// <see cref="ITransactionUser.OnResponse"/> and <see cref="ITransactionUser.OnTimeout"/> here first; false means
/// "not one of ours". Thread-safe.
/// </summary>
public sealed class ClientRequestRouter
{
    private readonly ConcurrentDictionary<string, IClientRequestOwner> _byBranch = new(StringComparer.Ordinal);
    private TransactionLayer? _transactions;

    /// <summary>The layer is created with the transaction user, so it is attached afterwards.</summary>
    public void Attach(TransactionLayer transactions) => _transactions = transactions;

    /// <summary>
    /// Sends <paramref name="request"/> (a fresh Via branch; not INVITE, not ACK) to <paramref name="destination"/>.
    /// Throws when the router is not attached yet.
    /// </summary>
    public void Send(SipRequest request, ReadOnlyMemory<byte> requestBytes, SipEndPoint destination, IClientRequestOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (request.Method is SipMethod.Invite or SipMethod.Ack)
        {
            throw new ArgumentException("INVITE and ACK belong to sessions", nameof(request));
        }

        var transactions = _transactions ?? throw new InvalidOperationException("Attach the transaction layer first");
        var branch = request.TopVia?.Branch ?? throw new ArgumentException("request has no Via branch", nameof(request));
        _byBranch[branch] = owner;
        try
        {
            transactions.SendRequest(request, requestBytes, destination);
        }
        catch
        {
            _byBranch.TryRemove(branch, out _);
            throw;
        }
    }

    /// <summary>A response for a client transaction; true when it was one of ours (the final one forgets the branch).</summary>
    public bool OnResponse(ClientTransaction transaction, SipResponse response)
    {
        var branch = transaction.Key.Branch;
        if (!_byBranch.TryGetValue(branch, out var owner)) return false;
        if (response.StatusCode >= 200) _byBranch.TryRemove(branch, out _);
        owner.OnResponse(transaction.Request, response);
        return true;
    }

    /// <summary>A client transaction timed out; true when it was one of ours.</summary>
    public bool OnTimeout(ClientTransaction transaction)
    {
        if (!_byBranch.TryRemove(transaction.Key.Branch, out var owner)) return false;
        owner.OnTimeout(transaction.Request);
        return true;
    }

    /// <summary>How many requests still wait for a final response (for tests and leak checks).</summary>
    public int Pending => _byBranch.Count;
}
