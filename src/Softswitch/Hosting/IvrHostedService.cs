using Microsoft.Extensions.Hosting;
using Softswitch.Ivr;

namespace Softswitch.Hosting;

/// <summary>
/// Loads the flows before the SIP stack takes calls (each problem logged as file:line:column; flows with errors are not
/// served), then watches the folder: a saved change is live for new calls within a second, a broken one is refused and
/// the previous version stays.
/// </summary>
internal sealed class IvrHostedService(FlowLibrary flows) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        flows.Load();
        flows.StartWatching();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
