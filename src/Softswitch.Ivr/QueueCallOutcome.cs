namespace Softswitch.Ivr;

/// <summary>How a caller's time in a queue ended, for the <c>queue</c> node's next step.</summary>
public enum QueueCallOutcome
{
    /// <summary>It talked to an agent (or its overflow destination took the call): the flow is over.</summary>
    Connected,

    /// <summary>The caller hung up while waiting.</summary>
    CallerHungUp,

    /// <summary>The queue did not take it (unknown, full, or empty and refusing callers): the flow goes on.</summary>
    NotQueued,

    /// <summary>It left the queue without an agent and no overflow destination took it: the flow goes on.</summary>
    Overflowed,
}
