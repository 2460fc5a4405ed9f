namespace Softswitch.Sip.Transactions;

/// <summary>
/// The base timer values of RFC 3261 §17 (table 4 in appendix A); every other timer derives from them.
/// Configurable because some carriers want a shorter T1 on a fast LAN or a longer one on satellite links.
/// </summary>
public sealed record TransactionTimerOptions
{
    /// <summary>RTT estimate; retransmission starts here (default 500 ms).</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap of the retransmit interval for non-INVITE requests and INVITE responses (default 4 s).</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Longest time a message stays in the network (default 5 s).</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timers B, F, H, J, L, M: 64·T1, the transaction timeout.</summary>
    public TimeSpan Timeout64T1 => T1 * 64;

    /// <summary>Timer D: at least 32 s over an unreliable transport, 0 over a reliable one (§17.1.1.2).</summary>
    public static TimeSpan TimerD(bool reliable) => reliable ? TimeSpan.Zero : TimeSpan.FromSeconds(32);

    /// <summary>Timers I and K: T4 over an unreliable transport, 0 over a reliable one.</summary>
    public TimeSpan T4Unless(bool reliable) => reliable ? TimeSpan.Zero : T4;

    /// <summary>Timer J: 64·T1 over an unreliable transport, 0 over a reliable one (§17.2.2).</summary>
    public TimeSpan Timeout64T1Unless(bool reliable) => reliable ? TimeSpan.Zero : Timeout64T1;
}
