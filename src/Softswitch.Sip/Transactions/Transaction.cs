using System.Net;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Transactions;

/// <summary>
/// What the four transaction machines share: a key, a state guarded by one small lock, and timers armed
/// on the injected <see cref="TimeProvider"/>. Transactions do no I/O of their own: they call
/// <see cref="ITransactionTransport.Send"/> and tell the <see cref="ITransactionUser"/>, always outside the lock.
/// </summary>
public abstract class Transaction
{
    private protected readonly object Gate = new();
    private protected readonly TransactionContext Context;
    private readonly List<ITimer> _timers = new(2);
    private readonly SipTransportKind _peerTransport;
    // Replaced at most once (a server transaction's §18.2.2 fallback). A reference swap, so sends read it without the gate.
    private IPEndPoint _peerAddress;

    private protected Transaction(TransactionKey key, SipEndPoint peer, TransactionContext context, TransactionState initial)
    {
        Key = key;
        _peerTransport = peer.Transport;
        _peerAddress = peer.Address;
        Context = context;
        State = initial;
    }

    public TransactionKey Key { get; }

    /// <summary>Where responses go (server) or where the request was sent (client).</summary>
    public SipEndPoint Peer => new(_peerTransport, Volatile.Read(ref _peerAddress));

    /// <summary>TCP delivers reliably: no retransmissions and zero-length wait timers (§17.1.1.2, §17.2.1).</summary>
    public bool IsReliable => _peerTransport != SipTransportKind.Udp;

    /// <summary>
    /// Whether a send to <see cref="Peer"/> may open a new TCP connection. False while a server transaction
    /// answers on the connection its request came on: if that one is gone, §18.2.2 says where to connect instead.
    /// </summary>
    internal virtual bool MayOpenConnection => true;

    public TransactionState State { get; private protected set; }

    /// <summary>Arms a one-shot timer. Called under <see cref="Gate"/>; the callback takes the gate itself.</summary>
    private protected void Arm(TimeSpan due, Action onFire)
    {
        if (due <= TimeSpan.Zero)
        {
            // A zero timer (reliable transport) fires at once, but never re-entrantly under the caller's lock.
            ThreadPool.UnsafeQueueUserWorkItem(static fire => fire(), onFire, preferLocal: false);
            return;
        }

        _timers.Add(Context.Time.CreateTimer(static state => ((Action)state!)(), onFire, due, Timeout.InfiniteTimeSpan));
    }

    /// <summary>Stops every armed timer; called under the gate on each state change that cancels them.</summary>
    private protected void DisarmAll()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }

    /// <summary>Enters Terminated and leaves the table. Returns false when it already had.</summary>
    private protected bool TerminateLocked()
    {
        if (State == TransactionState.Terminated) return false;
        State = TransactionState.Terminated;
        DisarmAll();
        return true;
    }

    /// <summary>Sends to <see cref="Peer"/> on this transaction's behalf, so a failure comes back to <see cref="OnTransportError"/>.</summary>
    private protected void Send(ReadOnlyMemory<byte> message) => Context.Transport.Send(message, Peer, this);

    /// <summary>Points further sends at another address of the same transport (§18.2.2 fallback).</summary>
    private protected void Redirect(IPEndPoint address) => Volatile.Write(ref _peerAddress, address);

    /// <summary>Called by the layer once Terminated is entered, outside the gate.</summary>
    private protected void Remove() => Context.Table.Remove(this);

    /// <summary>
    /// The transport could not deliver a message sent to <paramref name="destination"/> (§17.1.4, §17.2.4).
    /// Called off the sender's thread and never under the gate; a report for an address the transaction has
    /// already left behind is stale and ignored.
    /// </summary>
    internal abstract void OnTransportError(SipEndPoint destination);

    public override string ToString() => $"{GetType().Name}({Key.Method} {Key.Branch}, {State})";
}
