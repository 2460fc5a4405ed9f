using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>The <c>limits</c> section: how long calls may last and how the switch lets them go when it stops.</summary>
public sealed class LimitsOptions
{
    /// <summary>
    /// On SIGTERM new calls get 503 and calls in progress get this long to end on their own; then each is hung up
    /// with BYE and its recording closed. Read at start.
    /// </summary>
    [ConfigurationKeyName("shutdown_grace_seconds")]
    public int ShutdownGraceSeconds { get; set; } = 30;
}
