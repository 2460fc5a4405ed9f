using Softswitch.Acd.Model;

namespace Softswitch.Acd.Routing;

/// <summary>An agent as the engine sees it.</summary>
/// <param name="State">Logged out, available, ringing, talking, wrap-up or paused.</param>
/// <param name="PauseReason">The reason code while paused.</param>
/// <param name="Offerable">Available, registered, on no other call and not resting after a miss: the next offer may go here.</param>
/// <param name="ConsecutiveMisses">Unanswered offers since the last answered one.</param>
/// <param name="CallsAnswered">Queue calls answered since start.</param>
/// <param name="LastCallEnded">When the agent's last call ended (null: none yet).</param>
public readonly record struct AgentStatus(
    AgentState State, string? PauseReason, bool Offerable, int ConsecutiveMisses, int CallsAnswered, DateTimeOffset? LastCallEnded);
