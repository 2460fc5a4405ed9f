namespace Softswitch.Acd.Routing;

/// <summary>What the call side is asked to do.</summary>
public enum AcdDecisionKind
{
    /// <summary>Ring the agent for the caller (bridge with the ring timeout), then report the offer's result.</summary>
    Offer,

    /// <summary>Stop ringing the agent: another agent answered (ring-all) or the caller left. Report nothing for it.</summary>
    CancelOffer,

    /// <summary>The caller left the queue (maximum wait, or the queue emptied): send it to the destination, if any.</summary>
    Overflow,

    /// <summary>The agent was paused by the engine (reason "missed" after consecutive unanswered offers).</summary>
    AgentPaused,
}
