using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Calls;
using Softswitch.Calls.Features;
using Softswitch.Calls.Routing;
using Softswitch.Configuration;
using Softswitch.Configuration.Options;
using Softswitch.Ivr;
using Softswitch.Ivr.Speech;
using Softswitch.Sip.Registrar;
using Softswitch.Storage;
using Softswitch.Storage.Agents;

namespace Softswitch.Queues;

/// <summary>
/// The ACD joins the switch: one <see cref="AcdService"/> over the <c>queues</c> and <c>agents</c> read at start (a
/// changed queue or agent needs a restart), its loop run by <see cref="AcdHostedService"/>, and <see cref="QueueRoutes"/>
/// so routes to <c>queue: NAME</c> and the IVR's <c>queue</c> nodes put callers in a queue; <see cref="AgentRegistrations"/> tells it which agents' phones are registered.
/// </summary>
internal static class QueueComposition
{
    public static IServiceCollection AddSoftswitchQueues(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AcdService(
            AcdConfigurationMapper.Map(sp.GetRequiredService<IOptionsMonitor<SoftswitchOptions>>().CurrentValue),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AcdService>>()));
        services.AddSingleton(sp => new AgentRegistrations(sp.GetRequiredService<AcdService>(), sp.GetRequiredService<BindingStore>().GetBindings,
            sp.GetRequiredService<IOptionsMonitor<SoftswitchOptions>>().CurrentValue.Agents.Select(agent => agent.Extension)));
        services.AddSingleton<IAgentStates>(sp => sp.GetRequiredService<AcdService>());
        services.AddSingleton<IAgentCommands>(sp => sp.GetRequiredService<AcdService>());
        services.AddSingleton<AgentStateRepository>();
        // Agents' log-ins and pauses, off the ACD's loop; flushed when the host is disposed.
        services.AddSingleton(sp => new BackgroundBatchWriter<StoredAgentState>(
            rows => sp.GetRequiredService<AgentStateRepository>().SaveAsync(rows), "agent states",
            sp.GetRequiredService<ILogger<AgentStatePersistence>>(), capacity: 1_000));
        services.AddSingleton<AgentStatePersistence>();
        services.AddSingleton(sp => new QueueRoutes(sp.GetRequiredService<AcdService>(), sp.GetRequiredService<IOptionsMonitor<SoftswitchOptions>>(),
            sp.GetRequiredService<FlowLibrary>, sp.GetRequiredService<CallServiceSettings>().SoundsFolder, new SpokenNumbers(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICallQueues>(sp => sp.GetRequiredService<QueueRoutes>());
        services.AddSingleton<IRouteApplications>(sp => sp.GetRequiredService<QueueRoutes>());
        services.AddHostedService<AcdHostedService>();
        return services;
    }
}
