using System.Collections.Concurrent;
using Softswitch.Acd.Events;

namespace Softswitch.Tests.Queues;

/// <summary>The queue event log in memory: what the ACD recorded, in order.</summary>
internal sealed class RecordedQueueEvents : IQueueEvents
{
    public ConcurrentQueue<QueueEvent> Events { get; } = new();

    public void Record(in QueueEvent queueEvent) => Events.Enqueue(queueEvent);

    /// <summary>The events about one call: kind and agent.</summary>
    public IEnumerable<(QueueEventKind Kind, string? Agent)> Of(string callId) =>
        Events.Where(e => e.CallId == callId).Select(e => (e.Kind, e.Agent));
}
