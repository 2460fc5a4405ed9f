using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Softswitch.Configuration.Options;

namespace Softswitch.Queues;

/// <summary>
/// Starts the ACD's loop before the SIP stack takes calls, with every configured agent logged in (they log out and in
/// with *51 / *50), and stops it after the calls drained.
/// </summary>
internal sealed class AcdHostedService(AcdService acd, IOptionsMonitor<SoftswitchOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        acd.Start(options.CurrentValue.Agents.Select(agent => agent.Extension));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await acd.DisposeAsync().ConfigureAwait(false);
}
