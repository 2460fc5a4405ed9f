namespace Softswitch.Acd.Events;

/// <summary>
/// One line of the queue event log (table <c>queue_events</c>): what happened, when, to which call, queue and agent.
/// The figures (<see cref="Figures.QueueFigureCalculator"/>) are computed from these alone.
/// </summary>
/// <param name="At">When (UTC; stored with milliseconds).</param>
/// <param name="Kind">What happened.</param>
/// <param name="CallId">The caller's call id (the call's <c>call_uuid</c>); null for agent state events.</param>
/// <param name="Queue">The queue; null for agent state events that concern no one queue (login, pause ...).</param>
/// <param name="Agent">The agent concerned; null when none (enter, abandon while waiting ...).</param>
public readonly record struct QueueEvent(DateTimeOffset At, QueueEventKind Kind, string? CallId, string? Queue, string? Agent)
{
    /// <summary>The caller's number (for first-call resolution: the same number calling again); null when unknown.</summary>
    public string? CallerNumber { get; init; }

    /// <summary>The caller's position (enter, abandon, callback requested); null when it does not apply.</summary>
    public int? Position { get; init; }

    /// <summary>How long the caller waited in the queue (connect, abandon, overflow, callback requested).</summary>
    public TimeSpan? Wait { get; init; }

    /// <summary>How long the conversation lasted (complete_by_agent / complete_by_caller).</summary>
    public TimeSpan? Talk { get; init; }

    /// <summary>Free text: the pause reason, the overflow or transfer destination, the survey score.</summary>
    public string? Detail { get; init; }
}
