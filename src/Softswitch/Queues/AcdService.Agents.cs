using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;

namespace Softswitch.Queues;

/// <summary>
/// The agents' side of the loop: which agents are on a call the ACD did not offer (from the busy-lamp board), the
/// durable state (logged in or out, paused with its reason) handed to <see cref="AgentStateKept"/> whenever it changes,
/// and the list the console reads. Every agent a command or decision concerns is "touched"; after the command the loop
/// settles each touched agent once.
/// </summary>
public sealed partial class AcdService : IAgentCommands
{
    /// <summary>Dialogs each agent's phones are in now (only agents in at least one), as the busy-lamp board counts them.</summary>
    private readonly Dictionary<string, int> _agentDialogs = new(StringComparer.Ordinal);

    /// <summary>The configured agents in configuration order.</summary>
    private readonly string[] _agentOrder;

    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);

    /// <summary>The durable state last handed to <see cref="AgentStateKept"/> (or restored at start), per agent.</summary>
    private readonly Dictionary<string, KeptAgentState> _kept = new(StringComparer.Ordinal);

    /// <summary>
    /// Told, on the loop, each time an agent logs in or out, pauses (with its reason, including "missed") or unpauses:
    /// the host queues it for the database. Must only queue, never wait.
    /// </summary>
    public Action<KeptAgentState>? AgentStateKept { get; set; }

    /// <summary>
    /// Starts the loop with the agents in the state kept from before the restart: an agent without a kept state is
    /// logged in (as configured), one kept logged out stays out, one kept paused is paused again with its reason.
    /// </summary>
    public void Start(IEnumerable<string> agents, IEnumerable<KeptAgentState> kept)
    {
        var restored = kept.ToDictionary(state => state.Agent, StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            var state = restored.GetValueOrDefault(agent);
            Post(() =>
            {
                if (state is { LoggedIn: false }) return;
                _engine.LogIn(agent);
                if (state?.PauseReason is { } reason) _engine.Pause(agent, reason);
                if (state is not null) _kept[agent] = state;
            });
        }

        _loop ??= Task.Run(RunAsync);
    }

    /// <summary>
    /// The busy-lamp board counted <paramref name="dialogs"/> dialogs on the agent's phones (calls in either direction,
    /// ringing or talking, including the queue's own offer): more than the offer or queue call the engine knows of
    /// means the agent is on another call and gets no offer until it ends.
    /// </summary>
    public void SetAgentDialogs(string agentId, int dialogs) => Post(() =>
    {
        if (dialogs > 0) _agentDialogs[agentId] = dialogs;
        else _agentDialogs.Remove(agentId);
        Touch(agentId);
    });

    /// <summary>Every configured agent with its state, read on the loop (the console's agent list).</summary>
    public Task<IReadOnlyList<AgentSnapshot>?> ListAgentsAsync() => Ask<IReadOnlyList<AgentSnapshot>>(() =>
    [
        .. _agentOrder.Select(agent => new AgentSnapshot(agent, _engine.GetAgent(agent) ?? default, _agentDialogs.GetValueOrDefault(agent))),
    ]);

    /// <summary>Completes once the loop has handled every command posted before this one (and handed out their decisions).</summary>
    public Task DrainedAsync() => Ask(() => true);

    private void Touch(string? agentId, bool changed = true)
    {
        if (changed && agentId is not null) _touched.Add(agentId);
    }

    /// <summary>
    /// The offer ended (answered, failed or cancelled): it leaves the open offers and its agent is settled again; what it
    /// was, for the log (null for one already gone).
    /// </summary>
    private OpenOffer? EndOffer(long offerId)
    {
        if (!_openOffers.Remove(offerId, out var offer)) return null;
        Touch(offer.Agent);
        return offer;
    }

    /// <summary>
    /// Each touched agent: on another call or not, and its durable state kept if it changed. Freeing an agent from
    /// another call may offer it a caller (more decisions), so this runs until nothing is left (bounded).
    /// </summary>
    private void SettleTouchedAgents()
    {
        for (var round = 0; round < 4 && _touched.Count > 0; round++)
        {
            var touched = _touched.ToArray();
            _touched.Clear();
            foreach (var agent in touched)
            {
                if (_engine.GetAgent(agent) is not { } status) continue;
                // The queue's own offer or call is one of the agent's dialogs; anything beyond it is another call.
                var own = status.State is AgentState.Ringing or AgentState.Talking ? 1 : 0;
                _engine.SetOnOtherCall(agent, _agentDialogs.GetValueOrDefault(agent) > own);
                Keep(agent, _engine.GetAgent(agent)!.Value);
            }

            Dispatch();
        }
    }

    private void Keep(string agent, AgentStatus status)
    {
        var loggedIn = status.State != AgentState.LoggedOut;
        var reason = status.State == AgentState.Paused ? status.PauseReason ?? "pause" : null;
        if (_kept.TryGetValue(agent, out var last) && last.LoggedIn == loggedIn && last.PauseReason == reason) return;
        if (!_kept.ContainsKey(agent) && loggedIn && reason is null) return; // as configured: nothing to keep yet
        var state = new KeptAgentState(agent, loggedIn, reason, _time.GetUtcNow());
        _kept[agent] = state;
        AgentStateKept?.Invoke(state);
    }
}
