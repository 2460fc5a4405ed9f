namespace Softswitch.Queues;

/// <summary>What of an agent's state outlives a restart (a row of <c>agent_states</c>).</summary>
/// <param name="Agent">The agent's extension.</param>
/// <param name="LoggedIn">False after *51 (or a logout by command) until *50.</param>
/// <param name="PauseReason">While paused, the reason code (<c>missed</c> for the ACD's own pause); null when not paused.</param>
/// <param name="ChangedAt">When it changed.</param>
public sealed record KeptAgentState(string Agent, bool LoggedIn, string? PauseReason, DateTimeOffset ChangedAt);
