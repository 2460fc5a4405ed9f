using System.Net;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>One carrier as call control sees it (the host maps the <c>trunks</c> configuration to these).</summary>
public sealed record TrunkSettings
{
    public required string Name { get; init; }

    /// <summary>A DNS name (SRV, then A/AAAA) or an IP address.</summary>
    public required string Host { get; init; }

    /// <summary>0: SRV for a name, 5060 for an address; else this port without SRV (RFC 3263 §4.2).</summary>
    public int Port { get; init; }

    public SipTransportKind Transport { get; init; } = SipTransportKind.Udp;

    public string Username { get; init; } = "";

    public string Password { get; init; } = "";

    /// <summary>The digest user name when it differs from <see cref="Username"/>.</summary>
    public string? AuthUsername { get; init; }

    public bool Register { get; init; }

    public TimeSpan RegisterExpires { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>host[:port] every request goes to instead of the carrier (with a loose Route to it).</summary>
    public string? OutboundProxy { get; init; }

    /// <summary>The domain of From and To; <see cref="Host"/> when null.</summary>
    public string? FromDomain { get; init; }

    /// <summary>The number presented on outbound calls when the extension has none.</summary>
    public string? CallerId { get; init; }

    public IReadOnlyList<string> Dids { get; init; } = [];

    /// <summary>Sources accepted as this trunk; when empty, the addresses <see cref="Host"/> resolves to.</summary>
    public IReadOnlyList<IPNetwork> AllowFrom { get; init; } = [];

    /// <summary>Concurrent calls; 0 is unlimited.</summary>
    public int MaxCalls { get; init; }

    /// <summary>OPTIONS keepalive period; zero turns it off.</summary>
    public TimeSpan OptionsInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The routing context of inbound calls.</summary>
    public string Context { get; init; } = "from-trunk";

    /// <summary>The domain of our From/To and of the registrar's Request-URI.</summary>
    public string Domain => string.IsNullOrWhiteSpace(FromDomain) ? Host : FromDomain;

    /// <summary>What a 401/407 from the carrier is answered with.</summary>
    public DigestLogin Login => new(string.IsNullOrWhiteSpace(AuthUsername) ? Username : AuthUsername, Password);

    /// <summary>Keeps the password out of logs.</summary>
    public override string ToString() => $"Trunk({Name}, {Host})";
}
