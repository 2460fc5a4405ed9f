using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>
/// A queue's <c>callback</c> (virtual hold): a waiting caller may press a key to hang up and keep its place; when it
/// reaches an agent, the switch rings the agent, says "callback for" and the number, then dials the caller.
/// </summary>
public sealed class QueueCallbackOptions
{
    /// <summary>Offer callbacks to this queue's waiting callers.</summary>
    public bool Enabled { get; set; }

    /// <summary>The key that asks for the callback (one of 0-9, * or #).</summary>
    public string Key { get; set; } = "1";

    /// <summary>How many times the caller is dialled back before the request is given up.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>After a callback the caller did not answer, how long before it is offered to an agent again.</summary>
    [ConfigurationKeyName("retry_seconds")]
    public int RetrySeconds { get; set; } = 120;

    /// <summary>How long the caller's phone rings on each attempt.</summary>
    [ConfigurationKeyName("ring_seconds")]
    public int RingSeconds { get; set; } = 30;
}
