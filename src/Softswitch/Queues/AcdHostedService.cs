using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Softswitch.Calls.Presence;
using Softswitch.Configuration.Options;

namespace Softswitch.Queues;

/// <summary>
/// Starts the ACD's loop before the SIP stack takes calls, with every configured agent in the state kept from before
/// the restart (logged in when none was kept; they log out and in with *51 / *50), watching the agents' calls on the
/// busy-lamp board; once everything has started (the registrar's bindings restored from the database) each agent is
/// registered or not by its bindings. Stops the loop after the calls drained.
/// </summary>
internal sealed class AcdHostedService(AcdService acd, AgentStatePersistence states, AgentRegistrations registrations,
    ExtensionActivity activity, IOptionsMonitor<SoftswitchOptions> options) : IHostedLifecycleService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var agents = options.CurrentValue.Agents.Select(agent => agent.Extension).ToList();
        var kept = await states.AttachAsync(acd, cancellationToken).ConfigureAwait(false);
        activity.Observe(new AgentCallActivity(acd, agents));
        acd.Start(agents, kept);
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        registrations.CheckAll();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await acd.DisposeAsync().ConfigureAwait(false);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
