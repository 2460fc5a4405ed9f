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
    public string Allow { get; init; } = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER, NOTIFY, PRACK";

    /// <summary>
    /// The Supported header of our 2xx answers and in-dialog requests: Replaces (RFC 3891) and session timers
    /// (RFC 4028). Our own INVITEs add 100rel (<see cref="InviteSupported"/>): a calling session PRACKs a reliable
    /// provisional (RFC 3262), while the answering side sends none, so a UAS does not claim it.
    /// </summary>
    public string Supported { get; init; } = DefaultSupported;

    /// <summary>The option tags the dialog layer implements as a UAS (Replaces lookup, session timers).</summary>
    public const string DefaultSupported = "replaces, timer";

    /// <summary>The Supported header of the INVITEs a calling session sends.</summary>
    public string InviteSupported => "100rel, " + Supported;

    /// <summary>
    /// RFC 4028: the session interval we ask for (Session-Expires of our INVITE) and grant in a 2xx when the peer
    /// supports timers; the refresher refreshes at half of it. Null turns session timers off.
    /// </summary>
    public TimeSpan? SessionExpires { get; init; } = TimeSpan.FromSeconds(1800);

    /// <summary>RFC 4028 §4: the smallest session interval we accept (Min-SE); never below the RFC's 90 s.</summary>
    public TimeSpan MinSessionExpires { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How many times a re-INVITE answered 491 is sent again after the random wait of RFC 3261 §14.1.</summary>
    public int GlareRetries { get; init; } = 3;

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
