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
}
