using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>The <c>auth</c> section (digest authentication, RFC 8760 / RFC 2617).</summary>
public sealed class AuthOptions
{
    /// <summary>Realm in challenges; phones combine it with the password.</summary>
    public string Realm { get; set; } = "softswitch.local";

    /// <summary>How long a nonce stays valid.</summary>
    [ConfigurationKeyName("nonce_lifetime_seconds")]
    public int NonceLifetimeSeconds { get; set; } = 300;
}
