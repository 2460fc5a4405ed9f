namespace Softswitch.Channels;

/// <summary>What <see cref="ICallOriginator.OriginateAsync"/> dials and what runs once it is answered.</summary>
public sealed record OriginateRequest
{
    /// <summary>A number as <see cref="Context"/> dials it: an extension, a ring group, a route's number (a trunk route too).</summary>
    public required string Destination { get; init; }

    /// <summary>Runs on the answered leg; the call hangs up when it returns.</summary>
    public required ICallApplication Application { get; init; }

    /// <summary>
    /// Who places the call, for the row's <c>source</c> and the logs (e.g. <c>queue sales</c>, <c>dialler</c>).
    /// </summary>
    public required string Requester { get; init; }

    /// <summary>The dial plan context the number is routed in; <c>internal</c> (what an extension dials) by default.</summary>
    public string Context { get; init; } = "internal";

    /// <summary>
    /// How far the call may go out through trunks: <c>internal</c> (no trunk), <c>national</c> or <c>international</c>,
    /// the toll-fraud guard's classes. <c>internal</c> by default: a switch-placed call reaches trunks only when asked.
    /// </summary>
    public string Permission { get; init; } = "internal";

    /// <summary>The number the called phone shows (the From user); presented to a carrier as the caller ID.</summary>
    public required string CallerId { get; init; }

    /// <summary>The name the called phone shows, or null.</summary>
    public string? CallerName { get; init; }

    /// <summary>How long to ring before giving up; null for the destination's own ring time.</summary>
    public TimeSpan? RingTime { get; init; }

    /// <summary>Fields for the call's row from the start (e.g. <c>callback_for</c>); the application may add more.</summary>
    public IReadOnlyDictionary<string, string>? RecordFields { get; init; }
}
