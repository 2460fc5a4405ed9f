using Softswitch.Acd.Events;
using Softswitch.Storage;
using Softswitch.Storage.QueueEvents;

namespace Softswitch.Queues;

/// <summary>
/// <see cref="IQueueEvents"/> over SQLite: each event becomes a <c>queue_events</c> row queued for the background
/// batch writer (bounded; a full queue drops and counts), so recording never blocks the ACD loop or a call.
/// </summary>
internal sealed class QueueEventLog(BackgroundBatchWriter<StoredQueueEvent> writer, TimeProvider time) : IQueueEvents
{
    public void Record(in QueueEvent queueEvent)
    {
        var at = queueEvent.At == default ? time.GetUtcNow() : queueEvent.At;
        writer.TryEnqueue(new StoredQueueEvent(at, QueueEventKinds.ToText(queueEvent.Kind))
        {
            CallId = queueEvent.CallId,
            Queue = queueEvent.Queue,
            Agent = queueEvent.Agent,
            CallerNumber = queueEvent.CallerNumber,
            Position = queueEvent.Position,
            WaitMilliseconds = Milliseconds(queueEvent.Wait),
            TalkMilliseconds = Milliseconds(queueEvent.Talk),
            Detail = queueEvent.Detail,
        });
    }

    private static long? Milliseconds(TimeSpan? time) => time is { } t ? (long)t.TotalMilliseconds : null;
}
