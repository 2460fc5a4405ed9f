using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>The <c>sip</c> section.</summary>
public sealed class SipOptions
{
    /// <summary>Transports used when the file names none.</summary>
    public static readonly IReadOnlyList<string> DefaultTransports = ["udp", "tcp"];

    /// <summary>Transports this build can serve.</summary>
    public static readonly IReadOnlyList<string> SupportedTransports = ["udp", "tcp"];

    /// <summary>IP address to bind (0.0.0.0 for all IPv4, :: for all IPv6).</summary>
    public string Listen { get; set; } = "0.0.0.0";

    /// <summary>SIP port for every transport.</summary>
    public int Port { get; set; } = 5060;

    /// <summary>udp and/or tcp. Empty after binding means "not configured": defaults apply.</summary>
    public List<string> Transports { get; set; } = [];

    /// <summary>The SIP domain phones register to.</summary>
    public string Domain { get; set; } = "softswitch.local";

    /// <summary>Address written in Via/Contact when behind NAT; null to use the listen address.</summary>
    [ConfigurationKeyName("public_address")]
    public string? PublicAddress { get; set; }

    /// <summary>RFC 3261 T1, the round-trip estimate.</summary>
    [ConfigurationKeyName("t1_ms")]
    public int T1Ms { get; set; } = 500;

    /// <summary>RFC 3261 T2, the retransmit cap for non-INVITE requests and responses.</summary>
    [ConfigurationKeyName("t2_ms")]
    public int T2Ms { get; set; } = 4000;

    /// <summary>RFC 3261 T4, how long a message may live in the network.</summary>
    [ConfigurationKeyName("t4_ms")]
    public int T4Ms { get; set; } = 5000;

    /// <summary>Largest SIP message accepted, in bytes.</summary>
    [ConfigurationKeyName("max_message_size")]
    public int MaxMessageSize { get; set; } = 65535;

    /// <summary>A TCP connection with no complete message for this many seconds is closed (pings count only once it carries a registration).</summary>
    [ConfigurationKeyName("tcp_idle_timeout_seconds")]
    public int TcpIdleTimeoutSeconds { get; set; } = 300;

    /// <summary>A message that has started to arrive over TCP must be complete within this many seconds.</summary>
    [ConfigurationKeyName("tcp_message_timeout_seconds")]
    public int TcpMessageTimeoutSeconds { get; set; } = 10;

    /// <summary>Open TCP connections in all, accepted and outgoing.</summary>
    [ConfigurationKeyName("tcp_max_connections")]
    public int TcpMaxConnections { get; set; } = 1024;

    /// <summary>TCP connections accepted from one IP address.</summary>
    [ConfigurationKeyName("tcp_max_connections_per_address")]
    public int TcpMaxConnectionsPerAddress { get; set; } = 32;

    /// <summary>Transports in force: the configured ones, or udp and tcp.</summary>
    public IReadOnlyList<string> EffectiveTransports => Transports.Count == 0 ? DefaultTransports : Transports;
}
