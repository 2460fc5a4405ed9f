using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>A server transaction: one received request and the responses the TU sends for it.</summary>
public abstract class ServerTransaction : Transaction
{
    private protected ReadOnlyMemory<byte> LastResponse;

    // Set once the TU heard OnServerFailure; it hears it once.
    private bool _failed;

    // The §18.2.2 fallback was taken: responses now go over a connection of our own to the Via address.
    private volatile bool _reconnected;

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

    internal override bool MayOpenConnection => _reconnected;

    /// <summary>
    /// §17.2.4 with §18.2.2: over TCP, when the connection the request came on has failed, the last response goes
    /// once more over a new connection to the Via address; when that fails too (or over UDP, where there is
    /// nothing else to try) the TU is told and the transaction ends (in Accepted it waits for Timer L).
    /// </summary>
    internal override void OnTransportError(SipEndPoint destination)
    {
        ReadOnlyMemory<byte> resend = default;
        var reconnect = false;
        bool terminated;
        lock (Gate)
        {
            // Over TCP a zero Timer J may end the transaction before its final response's send has failed; that
            // failure still matters to the TU. Over UDP nothing is sent once Terminated, so a late report is stale.
            if (_failed || destination != Peer || (State == TransactionState.Terminated && !IsReliable)) return;
            if (!_reconnected && ResponseDestination.Reconnect(Request, Source) is { } next)
            {
                _reconnected = true;
                Redirect(next.Address);
                resend = LastResponse;
                reconnect = true;
            }
            else
            {
                FailLocked();
            }

            terminated = State == TransactionState.Terminated;
        }

        if (reconnect)
        {
            Send(resend);
            return;
        }

        if (terminated) Remove();
        Context.User.OnServerFailure(this);
    }

    /// <summary>
    /// Ends the transaction for a failure the TU is about to hear of; false when it already heard of one.
    /// RFC 6026 §7.1 (figure 7): in Accepted a transport error is only reported; the transaction stays to absorb
    /// INVITE retransmissions until Timer L, and retransmitting the 2xx is the TU's business.
    /// </summary>
    private protected bool FailLocked()
    {
        if (_failed) return false;
        _failed = true;
        if (State != TransactionState.Accepted) TerminateLocked();
        return true;
    }
}
