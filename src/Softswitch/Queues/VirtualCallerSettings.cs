namespace Softswitch.Queues;

/// <summary>A caller waiting off the line for its callback, and how the callback is placed.</summary>
/// <param name="CallId">The uuid of the call that asked (its place in the engine).</param>
/// <param name="Queue">The queue it waits in.</param>
/// <param name="Number">The number to call back.</param>
/// <param name="Name">The caller's name, when known.</param>
/// <param name="Attempts">How many times the caller is dialled before the request is given up.</param>
/// <param name="RetryAfter">The pause after an attempt the caller did not answer.</param>
/// <param name="RingTime">How long the caller's phone rings on each attempt.</param>
/// <param name="Record">Record the conversation (the queue's <c>record</c>).</param>
/// <param name="Entered">When the caller entered the queue (a timestamp of the switch's clock).</param>
public sealed record VirtualCallerSettings(
    string CallId,
    string Queue,
    string Number,
    string? Name,
    int Attempts,
    TimeSpan RetryAfter,
    TimeSpan RingTime,
    bool Record,
    long Entered);
