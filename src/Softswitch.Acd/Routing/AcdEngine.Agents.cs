using Softswitch.Acd.Model;

namespace Softswitch.Acd.Routing;

public sealed partial class AcdEngine
{
    /// <summary>The agent logs in (feature code *50, or the command API): available. False when unknown or already logged in.</summary>
    public bool LogIn(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent) || agent.State != AgentState.LoggedOut) return false;
        agent.ConsecutiveMisses = 0;
        SetState(agent, AgentState.Available);
        Refresh(agent);
        return true;
    }

    /// <summary>The agent logs out (*51): at once (ending a wrap-up), or when its current offer or call ends.</summary>
    public bool LogOut(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent) || agent.State == AgentState.LoggedOut) return false;
        if (agent.State is AgentState.Ringing or AgentState.Talking)
        {
            agent.PendingLogout = true;
            return true;
        }

        agent.PendingPause = null;
        SetState(agent, AgentState.LoggedOut);
        Refresh(agent);
        return true;
    }

    /// <summary>The agent pauses with a reason code (*52 + digits): at once (ending a wrap-up), or when its current offer or call ends.</summary>
    public bool Pause(string agentId, string reason)
    {
        if (!_agents.TryGetValue(agentId, out var agent) || agent.State == AgentState.LoggedOut) return false;
        if (agent.State is AgentState.Ringing or AgentState.Talking)
        {
            agent.PendingPause = reason;
            return true;
        }

        SetState(agent, AgentState.Paused, reason);
        Refresh(agent);
        return true;
    }

    /// <summary>The agent unpauses (*53): available again, its miss count cleared. Also cancels a pause asked for during a call.</summary>
    public bool Unpause(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent)) return false;
        if (agent.PendingPause is not null)
        {
            agent.PendingPause = null;
            return true;
        }

        if (agent.State != AgentState.Paused) return false;
        agent.ConsecutiveMisses = 0;
        SetState(agent, AgentState.Available);
        Refresh(agent);
        return true;
    }

    /// <summary>The agent's phone registered or its registration lapsed: an unregistered agent is skipped.</summary>
    public bool SetRegistered(string agentId, bool registered)
    {
        if (!_agents.TryGetValue(agentId, out var agent)) return false;
        agent.Registered = registered;
        Refresh(agent);
        return true;
    }

    /// <summary>
    /// The agent's extension is (or is no longer) on a call that is not this offer (a direct call, another queue's
    /// bridge the engine did not make): it gets no offer meanwhile, and the end of that call counts as its last call end.
    /// </summary>
    public bool SetOnOtherCall(string agentId, bool onOtherCall)
    {
        if (!_agents.TryGetValue(agentId, out var agent) || agent.OnOtherCall == onOtherCall) return agent is not null;
        // Out of the pools before the idle key changes.
        RemoveFromPools(agent);
        agent.OnOtherCall = onOtherCall;
        if (!onOtherCall) agent.LastCallEndTicks = NowTicks();
        Refresh(agent);
        return true;
    }
}
