using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Calls.Routing;
using Softswitch.Configuration;
using Softswitch.Configuration.Options;

namespace Softswitch.Queues;

/// <summary>
/// The ACD joins the switch: one <see cref="AcdService"/> over the <c>queues</c> and <c>agents</c> read at start (a
/// changed queue or agent needs a restart), its loop run by <see cref="AcdHostedService"/>, and <see cref="QueueRoutes"/>
/// so routes to <c>queue: NAME</c> put callers in a queue.
/// </summary>
internal static class QueueComposition
{
    public static IServiceCollection AddSoftswitchQueues(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AcdService(
            AcdConfigurationMapper.Map(sp.GetRequiredService<IOptionsMonitor<SoftswitchOptions>>().CurrentValue),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AcdService>>()));
        services.AddSingleton<QueueRoutes>();
        services.AddSingleton<IRouteApplications>(sp => sp.GetRequiredService<QueueRoutes>());
        services.AddHostedService<AcdHostedService>();
        return services;
    }
}
