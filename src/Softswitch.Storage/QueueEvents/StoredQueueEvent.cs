namespace Softswitch.Storage.QueueEvents;

/// <summary>A row of <c>queue_events</c>: one step of a queue call or one agent state change (the ACD's event log).</summary>
/// <param name="OccurredAt">When (stored as UTC text with milliseconds).</param>
/// <param name="Kind">The event's name, e.g. <c>enter</c>, <c>connect</c>, <c>complete_by_caller</c>, <c>pause</c>.</param>
public sealed record StoredQueueEvent(DateTimeOffset OccurredAt, string Kind)
{
    /// <summary>The row id; 0 before it is stored.</summary>
    public long Id { get; init; }

    public string? CallId { get; init; }

    public string? Queue { get; init; }

    public string? Agent { get; init; }

    public string? CallerNumber { get; init; }

    public int? Position { get; init; }

    public long? WaitMilliseconds { get; init; }

    public long? TalkMilliseconds { get; init; }

    public string? Detail { get; init; }
}
