using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Dialogs;

/// <summary>How INVITE sessions name us and keep time: the address in our Via and Contact, and the timer base.</summary>
public sealed record InviteSessionOptions
{
    /// <summary>The host (address or name) peers reach us at, written in Via sent-by and Contact.</summary>
    public string LocalHost { get; init; } = "127.0.0.1";

    /// <summary>The SIP port peers reach us at.</summary>
    public int LocalPort { get; init; } = 5060;

    /// <summary>T1 and T2 for 2xx retransmission (§13.3.1.4); the same values as the transaction layer.</summary>
    public TransactionTimerOptions Timers { get; init; } = new();

    /// <summary>The Allow header of our 2xx and 405 answers: the methods a session serves.</summary>
    public string Allow { get; init; } = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO";
}
