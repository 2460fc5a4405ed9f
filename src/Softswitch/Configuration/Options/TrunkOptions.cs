using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>One entry of the <c>trunks</c> list: a carrier the switch registers to, keeps alive, and takes DID calls from.</summary>
public sealed class TrunkOptions
{
    /// <summary>Unique name, used in logs, routes and the trunk registry.</summary>
    public string Name { get; set; } = "";

    /// <summary>The carrier: a DNS name (SRV then A/AAAA, RFC 3263) or an IP address.</summary>
    public string Host { get; set; } = "";

    /// <summary>0: look up SRV records for a name (5060 for an address); else this port, without SRV.</summary>
    public int Port { get; set; }

    /// <summary>udp or tcp.</summary>
    public string Transport { get; set; } = "udp";

    /// <summary>The account at the carrier: user part of From/To in REGISTER.</summary>
    public string Username { get; set; } = "";

    /// <summary>Digest password for the account.</summary>
    public string Password { get; set; } = "";

    /// <summary>The digest user name when it differs from <see cref="Username"/>.</summary>
    [ConfigurationKeyName("auth_username")]
    public string? AuthUsername { get; set; }

    /// <summary>Register to the carrier (outbound registration); off for carriers that route by address.</summary>
    public bool Register { get; set; }

    /// <summary>Expires asked for in REGISTER, in seconds.</summary>
    [ConfigurationKeyName("register_expires")]
    public int RegisterExpires { get; set; } = 600;

    /// <summary>Send every request to this host[:port] instead of the carrier's own address.</summary>
    [ConfigurationKeyName("outbound_proxy")]
    public string? OutboundProxy { get; set; }

    /// <summary>Domain of From/To; the host when empty.</summary>
    [ConfigurationKeyName("from_domain")]
    public string? FromDomain { get; set; }

    /// <summary>The number presented on outbound calls when the calling extension has none.</summary>
    [ConfigurationKeyName("caller_id")]
    public string? CallerId { get; set; }

    /// <summary>Numbers this trunk delivers: inbound calls are routed by DID.</summary>
    public List<string> Dids { get; set; } = [];

    /// <summary>Networks (CIDR or addresses) accepted as this trunk; the addresses the host resolves to when empty.</summary>
    [ConfigurationKeyName("allow_from")]
    public List<string> AllowFrom { get; set; } = [];

    /// <summary>Concurrent calls over this trunk; 0 is unlimited.</summary>
    [ConfigurationKeyName("max_calls")]
    public int MaxCalls { get; set; }

    /// <summary>OPTIONS keepalive period in seconds; 0 turns it off.</summary>
    [ConfigurationKeyName("options_interval_seconds")]
    public int OptionsIntervalSeconds { get; set; } = 30;

    /// <summary>The context inbound calls from this trunk are routed in.</summary>
    public string Context { get; set; } = "from-trunk";
}
