using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>One entry of <c>ring_groups</c>: a number that rings several extensions, all at once or one after another.</summary>
public sealed class RingGroupOptions
{
    /// <summary>The number dialled to reach the group (digits; not an extension's number).</summary>
    public string Number { get; set; } = "";

    /// <summary>Display name (for logs and call records).</summary>
    public string? Name { get; set; }

    /// <summary><c>ring_all</c>: every member's phones at once, the first to answer takes the call; <c>in_order</c>: one member at a time.</summary>
    public string Strategy { get; set; } = "ring_all";

    /// <summary>The extensions in the group; for in_order, in the order they are rung.</summary>
    public List<string> Members { get; set; } = [];

    /// <summary>ring_all: how long the members ring before the fallback.</summary>
    [ConfigurationKeyName("ring_seconds")]
    public int RingSeconds { get; set; } = 30;

    /// <summary>in_order: how long each member rings before the next.</summary>
    [ConfigurationKeyName("member_ring_seconds")]
    public int MemberRingSeconds { get; set; } = 15;

    /// <summary>The extension a call goes to when no member answered (none: the caller gets 480).</summary>
    public string? Fallback { get; set; }
}
