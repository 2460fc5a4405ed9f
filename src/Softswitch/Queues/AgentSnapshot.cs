using Softswitch.Acd.Routing;

namespace Softswitch.Queues;

/// <summary>One agent as the console lists it.</summary>
/// <param name="Agent">The agent's extension.</param>
/// <param name="Status">Its state (logged out, available, ringing, talking, wrap-up, paused with its reason) and figures.</param>
/// <param name="Dialogs">Calls its phones are in now, the queue's own included (the busy-lamp board's count).</param>
public sealed record AgentSnapshot(string Agent, AgentStatus Status, int Dialogs);
