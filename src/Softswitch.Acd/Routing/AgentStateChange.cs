using Softswitch.Acd.Model;

namespace Softswitch.Acd.Routing;

/// <summary>An agent moved from one state to another (taken with <see cref="AcdEngine.TryTakeStateChange"/> for the event log).</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="From">The state it left.</param>
/// <param name="To">The state it entered.</param>
/// <param name="PauseReason">The reason code when <paramref name="To"/> is <see cref="AgentState.Paused"/>.</param>
public readonly record struct AgentStateChange(string AgentId, AgentState From, AgentState To, string? PauseReason);
