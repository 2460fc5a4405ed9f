namespace Softswitch.Sip.Transactions;

/// <summary>What every transaction of one layer shares: clock, timer values, the transport port, the user and the table.</summary>
internal sealed class TransactionContext(
    TimeProvider time,
    TransactionTimerOptions timers,
    ITransactionTransport transport,
    ITransactionUser user,
    TransactionTable table)
{
    public TimeProvider Time { get; } = time;
    public TransactionTimerOptions Timers { get; } = timers;
    public ITransactionTransport Transport { get; } = transport;
    public ITransactionUser User { get; } = user;
    public TransactionTable Table { get; } = table;
}
