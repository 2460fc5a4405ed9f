using Softswitch.Calls.Features;

namespace Softswitch.Queues;

/// <summary>
/// The agent commands of the switch for the console (and anything else in the process): the same log in / out, pause
/// and unpause the feature codes use (false for an extension that is no agent), and the agents' live states. The host
/// has no HTTP API yet: the console will serve these over it.
/// </summary>
public interface IAgentCommands : IAgentStates
{
    /// <summary>Every configured agent in configuration order with its state now; null once the ACD has stopped.</summary>
    Task<IReadOnlyList<AgentSnapshot>?> ListAgentsAsync();
}
