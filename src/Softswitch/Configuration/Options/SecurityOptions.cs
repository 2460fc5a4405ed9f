using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>The <c>security</c> section: bans for password guessing and a per-address message rate (read at start).</summary>
public sealed class SecurityOptions
{
    /// <summary>Failed authentications (403) from one address within the window that ban it.</summary>
    [ConfigurationKeyName("failed_auth_limit")]
    public int FailedAuthLimit { get; set; } = 10;

    /// <summary>The sliding window of <see cref="FailedAuthLimit"/>, in seconds.</summary>
    [ConfigurationKeyName("failed_auth_window_seconds")]
    public int FailedAuthWindowSeconds { get; set; } = 60;

    /// <summary>How long a banned address gets no response at all.</summary>
    [ConfigurationKeyName("ban_seconds")]
    public int BanSeconds { get; set; } = 600;

    /// <summary>Networks (CIDR, or a single address) never banned nor rate limited.</summary>
    public List<string> Allow { get; set; } = [];

    /// <summary>SIP messages a second one address may send (a one-second burst allowed); 0 turns the limit off.</summary>
    [ConfigurationKeyName("max_requests_per_second_per_address")]
    public int MaxRequestsPerSecondPerAddress { get; set; } = 200;
}
