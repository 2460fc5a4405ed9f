namespace Softswitch.Acd.Events;

/// <summary>
/// The queue event log. <see cref="Record"/> is thread-safe and never blocks or touches the disk (the host queues the
/// event for a background writer; a full queue drops it and counts the drop), so any call loop may call it. The ACD
/// loop records enter, offer, connect, abandon ... itself; other features record theirs (transfer, callback requested
/// and connected, survey score) through the same method.
/// </summary>
public interface IQueueEvents
{
    /// <summary>Logs <paramref name="queueEvent"/>; an event with a default <see cref="QueueEvent.At"/> is stamped with the current time.</summary>
    void Record(in QueueEvent queueEvent);
}
