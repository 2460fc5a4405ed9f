namespace Softswitch.Calls.Presence;

/// <summary>A mailbox's voice messages: unheard and heard (kept), as message-summary reports them (RFC 3842 §5.2).</summary>
public readonly record struct MessageSummary(int New, int Old)
{
    public bool MessagesWaiting => New > 0;
}
