namespace Softswitch.Queues;

/// <summary>How one callback attempt (the agent's call) ended.</summary>
public enum CallbackOutcome
{
    /// <summary>The agent and the caller talked.</summary>
    Connected,

    /// <summary>The agent took it but the caller did not answer (busy, no answer, unreachable).</summary>
    CallerNotReached,

    /// <summary>The agent did not take it, or hung up before the caller answered.</summary>
    AgentNotReached,
}
