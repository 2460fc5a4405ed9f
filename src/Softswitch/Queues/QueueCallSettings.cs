namespace Softswitch.Queues;

/// <summary>What a queue's caller hears and whether its conversation is recorded (the call side of a <c>queues</c> entry).</summary>
/// <param name="Music">The music class while waiting and while an agent rings.</param>
/// <param name="Record">Record the conversation with the agent.</param>
/// <param name="Survey">The flow the caller rates the call in when the agent hangs up first; null: none.</param>
public sealed record QueueCallSettings(string Music, bool Record, string? Survey = null)
{
    /// <summary>Position, estimated wait and the periodic message while the caller waits.</summary>
    public QueueAnnouncements Announcements { get; init; } = new();

    /// <summary>Where a caller the queue refuses (full, or empty and refusing) goes: <c>queue:</c>, <c>flow:</c> or <c>voicemail:</c>; null: it is told why and hung up on.</summary>
    public string? Overflow { get; init; }
}
