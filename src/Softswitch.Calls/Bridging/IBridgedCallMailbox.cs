namespace Softswitch.Calls.Bridging;

/// <summary>Where a leg posts what its SIP session told it: the call's one mailbox, read by the call's one loop.</summary>
public interface IBridgedCallMailbox
{
    /// <summary>Queues <paramref name="message"/> for the call's loop and returns at once (any thread).</summary>
    void Post(CallEvent message);
}
