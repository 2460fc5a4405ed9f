using Microsoft.Extensions.Hosting;
using Softswitch.Storage.Retention;

namespace Softswitch.Hosting;

/// <summary>Runs the retention sweep (<c>storage.retention_days</c>) once at start-up, after the migrations, then daily.</summary>
internal sealed class RetentionService(RetentionSweeper sweeper) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => sweeper.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await sweeper.DisposeAsync();
}
