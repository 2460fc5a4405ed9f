namespace Softswitch.Storage.Agents;

/// <summary>One row of <c>agent_states</c>: an ACD agent's state kept across restarts.</summary>
/// <param name="Agent">The agent's extension.</param>
/// <param name="LoggedIn">False while logged out.</param>
/// <param name="PauseReason">The reason code while paused; null when not paused.</param>
/// <param name="ChangedAt">When it last changed.</param>
public sealed record StoredAgentState(string Agent, bool LoggedIn, string? PauseReason, DateTimeOffset ChangedAt);
