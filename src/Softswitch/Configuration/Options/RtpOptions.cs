using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>The <c>rtp</c> section: the UDP port range for media and the inactivity timeouts.</summary>
public sealed class RtpOptions
{
    /// <summary>First RTP port; even, because RTCP takes the odd port above it (RFC 3550 §11).</summary>
    [ConfigurationKeyName("port_min")]
    public int PortMin { get; set; } = 10000;

    /// <summary>Last port of the range.</summary>
    [ConfigurationKeyName("port_max")]
    public int PortMax { get; set; } = 20000;

    /// <summary>
    /// Address media sockets bind to and SDP advertises. Unset: the SIP listen address, or when that is a
    /// wildcard, the machine's first non-loopback IPv4 address.
    /// </summary>
    public string? Address { get; set; }

    /// <summary>No RTP nor RTCP from the peer for this many seconds while the call is not on hold: BYE (Reason cause 408). 0: never.</summary>
    [ConfigurationKeyName("timeout_seconds")]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>The same while the call is on hold in either direction. 0: never.</summary>
    [ConfigurationKeyName("hold_timeout_seconds")]
    public int HoldTimeoutSeconds { get; set; } = 3600;

    /// <summary>
    /// Strict latching (as Asterisk's strictrtp): while a caller's media has been heard within this many milliseconds,
    /// RTP and RTCP from any other address are dropped (and counted), so a third party cannot inject audio into a call.
    /// Only after this much silence may media move to a new address (a phone that changed network). 0 turns it off.
    /// </summary>
    [ConfigurationKeyName("relatch_after_ms")]
    public int RelatchAfterMs { get; set; } = 2000;
}
