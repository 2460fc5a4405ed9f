using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>The <c>limits</c> section: how many calls at once, how long one may last, and how the switch lets them go when it stops.</summary>
public sealed class LimitsOptions
{
    /// <summary>
    /// Calls at once; over it a new call gets 503 with Retry-After. 0: no limit. The default fits the default RTP range
    /// (10000-20000: 5000 port pairs) with every call holding two legs, as a bridged call will.
    /// </summary>
    [ConfigurationKeyName("max_calls")]
    public int MaxCalls { get; set; } = 2500;

    /// <summary>Calls at once placed by one authenticated extension; 0: no limit.</summary>
    [ConfigurationKeyName("max_calls_per_extension")]
    public int MaxCallsPerExtension { get; set; } = 4;

    /// <summary>Longest call in seconds from its answer, then BYE (Reason cause 200); 0: no limit.</summary>
    [ConfigurationKeyName("max_call_seconds")]
    public int MaxCallSeconds { get; set; } = 14400;

    /// <summary>
    /// On SIGTERM new calls get 503 and calls in progress get this long to end on their own; then each is hung up
    /// with BYE and its recording closed. Read at start.
    /// </summary>
    [ConfigurationKeyName("shutdown_grace_seconds")]
    public int ShutdownGraceSeconds { get; set; } = 30;
}
