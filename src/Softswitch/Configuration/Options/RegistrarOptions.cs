using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>The <c>registrar</c> section (RFC 3261 §10.3).</summary>
public sealed class RegistrarOptions
{
    /// <summary>Shorter requested intervals are answered 423 Interval Too Brief.</summary>
    [ConfigurationKeyName("min_expires")]
    public int MinExpires { get; set; } = 60;

    /// <summary>Longer requested intervals are shortened to this.</summary>
    [ConfigurationKeyName("max_expires")]
    public int MaxExpires { get; set; } = 7200;

    /// <summary>Used when the phone asks for none.</summary>
    [ConfigurationKeyName("default_expires")]
    public int DefaultExpires { get; set; } = 3600;

    /// <summary>Bindings kept per extension.</summary>
    [ConfigurationKeyName("max_contacts")]
    public int MaxContacts { get; set; } = 10;

    /// <summary>Seconds between keep-alives (CRLFCRLF) to phones registered from behind NAT; 0 sends none.</summary>
    [ConfigurationKeyName("nat_keepalive_seconds")]
    public int NatKeepaliveSeconds { get; set; } = 25;

    /// <summary>Busy-lamp (dialog event) subscriptions asking for a shorter non-zero interval get 423 Interval Too Brief.</summary>
    [ConfigurationKeyName("subscription_min_expires")]
    public int SubscriptionMinExpires { get; set; } = 60;

    /// <summary>Longer requested subscription intervals are shortened to this.</summary>
    [ConfigurationKeyName("subscription_max_expires")]
    public int SubscriptionMaxExpires { get; set; } = 3600;
}
