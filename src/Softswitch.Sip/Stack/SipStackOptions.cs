using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Stack;

/// <summary>Everything the SIP stack needs to listen and keep time.</summary>
public sealed record SipStackOptions
{
    public SipTransportOptions Transport { get; init; } = new();

    /// <summary>Which transports listen on the address and port (both by default).</summary>
    public IReadOnlyList<SipTransportKind> Transports { get; init; } = [SipTransportKind.Udp, SipTransportKind.Tcp];

    public TransactionTimerOptions Timers { get; init; } = new();
}
