using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>A client transaction: one request we send, retransmitted over UDP until a response arrives.</summary>
public abstract class ClientTransaction : Transaction
{
    private protected readonly ReadOnlyMemory<byte> RequestBytes;

    private protected ClientTransaction(SipRequest request, ReadOnlyMemory<byte> requestBytes, SipEndPoint destination,
        TransactionContext context, TransactionState initial)
        : base(TransactionKey.ForClient(request.TopVia?.Branch ?? throw new ArgumentException("request has no Via branch", nameof(request)), request.MethodName),
            destination, context, initial)
    {
        Request = request;
        RequestBytes = requestBytes;
    }

    public SipRequest Request { get; }

    /// <summary>Sends the request for the first time and arms the retransmit and timeout timers.</summary>
    internal abstract void Start();

    /// <summary>A response whose branch and CSeq method match this transaction (§17.1.3).</summary>
    internal abstract void OnResponse(SipResponse response);

    /// <summary>
    /// Before a final response the TU is waiting, so it hears of the failure as of a timeout (§8.1.3.1 treats it
    /// as a 503). Afterwards only an ACK can have failed: the TU already has its answer, so the end is quiet.
    /// </summary>
    internal override void OnTransportError(SipEndPoint destination)
    {
        bool waiting;
        lock (Gate)
        {
            if (destination != Peer) return;
            waiting = State is TransactionState.Calling or TransactionState.Trying or TransactionState.Proceeding;
        }

        if (waiting) TimeOut();
        else TerminateQuietly();
    }

    /// <summary>Timer B/F fired or the transport failed: terminate and tell the TU once.</summary>
    private protected void TimeOut()
    {
        bool terminated;
        lock (Gate) terminated = TerminateLocked();
        if (!terminated) return;
        Remove();
        Context.User.OnTimeout(this);
    }

    /// <summary>
    /// The TU gives up on the request without a final response (§9.1: none came within 64·T1 of our CANCEL). An INVITE
    /// transaction in Proceeding has no timer of its own, so only this ends it; the TU is not told again.
    /// </summary>
    internal void Abandon() => TerminateQuietly();

    private protected void TerminateQuietly()
    {
        bool terminated;
        lock (Gate) terminated = TerminateLocked();
        if (terminated) Remove();
    }
}
