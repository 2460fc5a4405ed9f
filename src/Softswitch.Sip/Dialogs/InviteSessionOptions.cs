using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

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

    /// <summary>Our Contact for a session whose peer is reached over <paramref name="transport"/> (§8.1.1.8).</summary>
    internal SipUri ContactUri(string? user, SipTransportKind transport)
    {
        var uri = new SipUri("sip", user, LocalHost, LocalPort);
        return transport == SipTransportKind.Tcp ? uri.WithParameter("transport", "tcp") : uri;
    }

    /// <summary>The Via of a request a session sends over <paramref name="transport"/>, with a fresh branch (§8.1.1.7).</summary>
    internal ViaHeader NewVia(SipTransportKind transport) =>
        ViaHeader.Create(transport == SipTransportKind.Tcp ? "TCP" : "UDP", LocalHost, LocalPort, SipIds.NewBranch());
}
