using Softswitch.Sip.Registrar;

namespace Softswitch.Queues;

/// <summary>
/// Tells the ACD when an agent's phone registers or its last binding goes (unregistered, expired, evicted): an agent
/// with no phone is skipped instead of rung. Called by the registrar outside its lock; it only posts to the ACD.
/// Bindings restored from the database at start-up raise no event: once the switch has started,
/// <see cref="CheckAll"/> sets every agent from the bindings it has then.
/// </summary>
internal sealed class AgentRegistrations(AcdService acd, Func<string, IReadOnlyList<ContactBinding>> bindings, IEnumerable<string> agents)
    : IRegistrationObserver
{
    private readonly HashSet<string> _agents = new(agents, StringComparer.Ordinal);

    /// <summary>Every agent registered or not by its live bindings now (after the restored bindings are back).</summary>
    public void CheckAll()
    {
        foreach (var agent in _agents) acd.SetRegistered(agent, bindings(agent).Count > 0);
    }

    public void OnRegistrationEvent(RegistrationEvent registrationEvent)
    {
        var agent = registrationEvent.Extension;
        if (!_agents.Contains(agent)) return;
        switch (registrationEvent.Kind)
        {
            case RegistrationEventKind.Registered or RegistrationEventKind.Refreshed:
                acd.SetRegistered(agent, true);
                break;
            case RegistrationEventKind.Unregistered or RegistrationEventKind.Expired or RegistrationEventKind.Evicted:
                acd.SetRegistered(agent, bindings(agent).Count > 0);
                break;
        }
    }
}
