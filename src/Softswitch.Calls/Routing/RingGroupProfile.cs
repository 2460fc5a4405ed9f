namespace Softswitch.Calls.Routing;

/// <summary>A number that rings several extensions.</summary>
/// <param name="Number">The group's number.</param>
/// <param name="Name">Its display name, if configured.</param>
/// <param name="RingAll">All members at once (true) or one after another in <paramref name="Members"/> order.</param>
/// <param name="Members">The extensions rung.</param>
public sealed record RingGroupProfile(string Number, string? Name, bool RingAll, IReadOnlyList<string> Members)
{
    /// <summary>Ring-all: how long everybody rings.</summary>
    public TimeSpan RingTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>In order: how long each member rings.</summary>
    public TimeSpan MemberRingTime { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The extension that gets the call when no member answered.</summary>
    public string? Fallback { get; init; }
}
