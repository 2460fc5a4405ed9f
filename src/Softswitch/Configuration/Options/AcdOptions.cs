using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>The <c>acd</c> section: rules for every queue's agents (docs/ACD.md).</summary>
public sealed class AcdOptions
{
    /// <summary>
    /// Offers in a row an agent lets ring out before the ACD pauses it with reason <c>missed</c> (busy and rejected
    /// offers do not count; *53 unpauses); 0: never.
    /// </summary>
    [ConfigurationKeyName("misses_before_pause")]
    public int MissesBeforePause { get; set; } = 3;

    /// <summary>After an offer that did not connect the agent gets no offer for this long, so the caller moves on.</summary>
    [ConfigurationKeyName("rest_after_miss_seconds")]
    public int RestAfterMissSeconds { get; set; } = 5;
}
