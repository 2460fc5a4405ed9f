namespace Softswitch.Calls.Features;

/// <summary>
/// The ACD's agents as the agent feature codes change them (*50 log in, *51 log out, *52+reason pause, *53 unpause).
/// The host implements it over its ACD; each method only posts and answers false for an extension that is no agent.
/// </summary>
public interface IAgentStates
{
    bool LogIn(string agent);

    bool LogOut(string agent);

    bool Pause(string agent, string reason);

    bool Unpause(string agent);
}
