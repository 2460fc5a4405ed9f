namespace Softswitch.Acd.Events;

/// <summary>What happened in a queue or to an agent; stored as its snake_case name (<see cref="QueueEventKinds"/>).</summary>
public enum QueueEventKind
{
    /// <summary>A caller entered the queue (position: where it joined).</summary>
    Enter,

    /// <summary>The engine offered the caller to an agent (its phone rings).</summary>
    Offer,

    /// <summary>The agent's phone rang out.</summary>
    RingNoAnswer,

    /// <summary>The agent's phone was busy or declined.</summary>
    Busy,

    /// <summary>The agent answered (wait: from entering the queue).</summary>
    Connect,

    /// <summary>The caller hung up while waiting or while an agent rang (position 0 then; wait).</summary>
    Abandon,

    /// <summary>The conversation ended with the agent hanging up (talk).</summary>
    CompleteByAgent,

    /// <summary>The conversation ended with the caller hanging up (talk).</summary>
    CompleteByCaller,

    /// <summary>The caller left for the overflow destination (detail: the destination; wait).</summary>
    Overflow,

    /// <summary>The agent transferred the caller (detail: where to).</summary>
    Transfer,

    /// <summary>The caller pressed for a callback and hung up, keeping its place (position, wait).</summary>
    CallbackRequested,

    /// <summary>The switch dialled the caller back and it was connected to an agent.</summary>
    CallbackConnected,

    /// <summary>The caller rated the call after the conversation (detail: the score 1-5).</summary>
    SurveyScore,

    /// <summary>The agent logged in (*50 or at start).</summary>
    Login,

    /// <summary>The agent logged out (*51).</summary>
    Logout,

    /// <summary>The agent paused (detail: the reason code; "missed" when the ACD paused it).</summary>
    Pause,

    /// <summary>The agent unpaused (*53).</summary>
    Unpause,

    /// <summary>The agent's wrap-up after a queue call began.</summary>
    WrapUpStart,

    /// <summary>The agent's wrap-up ended (time up, or a pause or logout).</summary>
    WrapUpEnd,
}
