namespace Softswitch.Acd.Model;

/// <summary>Where an agent is, as the engine sees it.</summary>
public enum AgentState
{
    LoggedOut,

    /// <summary>Logged in and free (an offer still waits for a registered phone, no other call and no rest after a miss).</summary>
    Available,

    /// <summary>An offer rings the agent's phone.</summary>
    Ringing,

    /// <summary>On a queue call.</summary>
    Talking,

    /// <summary>After a queue call, for the queue's wrap-up time.</summary>
    WrapUp,

    /// <summary>Paused with a reason code (by the agent, a supervisor, or "missed" after consecutive unanswered offers).</summary>
    Paused,
}
