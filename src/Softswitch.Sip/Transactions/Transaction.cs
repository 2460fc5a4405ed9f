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

    private protected Transaction(TransactionKey key, SipEndPoint peer, TransactionContext context, TransactionState initial)
    {
        Key = key;
        Peer = peer;
        Context = context;
        State = initial;
    }

    public TransactionKey Key { get; }

    /// <summary>Where responses go (server) or where the request was sent (client).</summary>
    public SipEndPoint Peer { get; }

    /// <summary>TCP delivers reliably: no retransmissions and zero-length wait timers (§17.1.1.2, §17.2.1).</summary>
    public bool IsReliable => Peer.Transport != SipTransportKind.Udp;

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

    private protected void Send(ReadOnlyMemory<byte> message) => Context.Transport.Send(message, Peer);

    /// <summary>Called by the layer once Terminated is entered, outside the gate.</summary>
    private protected void Remove() => Context.Table.Remove(this);

    /// <summary>The transport could not deliver to the peer (§17.1.4, §17.2.4).</summary>
    internal abstract void OnTransportError();

    public override string ToString() => $"{GetType().Name}({Key.Method} {Key.Branch}, {State})";
}
