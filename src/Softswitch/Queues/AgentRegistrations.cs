using Softswitch.Sip.Registrar;

namespace Softswitch.Queues;

/// <summary>
/// Tells the ACD when an agent's phone registers or its last binding goes (unregistered, expired, evicted): an agent
/// with no phone is skipped instead of rung. Called by the registrar outside its lock; it only posts to the ACD.
/// Until a first event an agent counts as registered (bindings restored at start-up raise no event).
/// </summary>
internal sealed class AgentRegistrations(AcdService acd, Func<string, IReadOnlyList<ContactBinding>> bindings, IEnumerable<string> agents)
    : IRegistrationObserver
{
    private readonly HashSet<string> _agents = new(agents, StringComparer.Ordinal);

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
