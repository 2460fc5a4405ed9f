using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Acd.Events;
using Softswitch.Calls;
using Softswitch.Calls.Features;
using Softswitch.Calls.Routing;
using Softswitch.Channels;
using Softswitch.Configuration;
using Softswitch.Configuration.Options;
using Softswitch.Ivr;
using Softswitch.Ivr.Runtime;
using Softswitch.Ivr.Speech;
using Softswitch.Sip.Registrar;
using Softswitch.Storage;
using Softswitch.Storage.QueueEvents;
using Softswitch.Storage.Agents;

namespace Softswitch.Queues;

/// <summary>
/// The ACD joins the switch: one <see cref="AcdService"/> over the <c>queues</c> and <c>agents</c> read at start (a
/// changed queue or agent needs a restart), its loop run by <see cref="AcdHostedService"/>, and <see cref="QueueRoutes"/>
/// so routes to <c>queue: NAME</c> and the IVR's <c>queue</c> nodes put callers in a queue, with every step in the queue event log (<see cref="QueueEventLog"/>); <see cref="AgentRegistrations"/> tells it which agents' phones are registered.
/// </summary>
internal static class QueueComposition
{
    public static IServiceCollection AddSoftswitchQueues(this IServiceCollection services)
    {
        services.AddSingleton<QueueEventRepository>();
        // The queue event log, off the ACD loop; flushed when the host is disposed (after the ACD loop stopped).
        services.AddSingleton(sp => new BackgroundBatchWriter<StoredQueueEvent>(
            rows => sp.GetRequiredService<QueueEventRepository>().AddBatchAsync(rows), "queue events",
            sp.GetRequiredService<ILogger<QueueEventLog>>(), capacity: 10_000));
        services.AddSingleton<IQueueEvents>(sp => new QueueEventLog(
            sp.GetRequiredService<BackgroundBatchWriter<StoredQueueEvent>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AcdService(
            AcdConfigurationMapper.Map(sp.GetRequiredService<IOptionsMonitor<SoftswitchOptions>>().CurrentValue),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AcdService>>(), sp.GetRequiredService<IQueueEvents>()));
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
            sp.GetRequiredService<FlowLibrary>, sp.GetRequiredService<FlowServices>,
            new QueuePrompts(sp.GetRequiredService<CallServiceSettings>().SoundsFolder, new SpokenNumbers()), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<QueueCallbacks>()));
        services.AddSingleton(sp => new QueueCallbacks(sp.GetRequiredService<AcdService>(), sp.GetRequiredService<ICallOriginator>,
            sp.GetRequiredService<IOptionsMonitor<SoftswitchOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<QueueCallbacks>>()));
        services.AddSingleton<ICallQueues>(sp => sp.GetRequiredService<QueueRoutes>());
        services.AddSingleton<IRouteApplications>(sp => sp.GetRequiredService<QueueRoutes>());
        services.AddHostedService<AcdHostedService>();
        return services;
    }
}
