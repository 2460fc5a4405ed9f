using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>A server transaction: one received request and the responses the TU sends for it.</summary>
public abstract class ServerTransaction : Transaction
{
    private protected ReadOnlyMemory<byte> LastResponse;

    private protected ServerTransaction(SipRequest request, SipEndPoint source, SipEndPoint responseDestination,
        TransactionContext context, TransactionState initial)
        : base(TransactionKey.ForServer(request), responseDestination, context, initial)
    {
        Request = request;
        Source = source;
    }

    public SipRequest Request { get; }

    /// <summary>Where the request came from (the packet's address, not what Via claims).</summary>
    public SipEndPoint Source { get; }

    /// <summary>The status code of the last response sent, 0 before any.</summary>
    public int LastStatusCode { get; private protected set; }

    /// <summary>
    /// Sends a response built by the TU. Returns false when the transaction can no longer send one
    /// (a final response was already sent, or it terminated): the TU's late answer is dropped, not re-sent.
    /// </summary>
    public abstract bool SendResponse(int statusCode, ReadOnlyMemory<byte> response);

    /// <summary>The same request arrived again (a retransmission, or an ACK for INVITE).</summary>
    internal abstract void OnRetransmission(SipRequest request, SipEndPoint source);

    internal override void OnTransportError()
    {
        bool terminated;
        lock (Gate) terminated = TerminateLocked();
        if (!terminated) return;
        Remove();
        Context.User.OnServerFailure(this);
    }
}
