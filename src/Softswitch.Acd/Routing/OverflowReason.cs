namespace Softswitch.Acd.Routing;

public enum OverflowReason
{
    None,

    /// <summary>The caller waited the queue's maximum.</summary>
    MaxWait,

    /// <summary>The last logged-in, unpaused agent left a leave-when-empty queue.</summary>
    QueueEmpty,
}
