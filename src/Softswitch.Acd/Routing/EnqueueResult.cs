namespace Softswitch.Acd.Routing;

public enum EnqueueResult
{
    /// <summary>The caller is in the queue (and may already have an offer among the decisions).</summary>
    Queued,

    UnknownQueue,

    /// <summary>This call id is already in a queue.</summary>
    AlreadyQueued,

    /// <summary>The queue holds its maximum length.</summary>
    QueueFull,

    /// <summary>No agent is logged in and unpaused and the queue does not let callers join then.</summary>
    QueueEmpty,
}
