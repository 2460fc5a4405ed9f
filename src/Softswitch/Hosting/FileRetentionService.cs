using Microsoft.Extensions.Hosting;
using Softswitch.Storage.Retention;

namespace Softswitch.Hosting;

/// <summary>
/// Runs the sweep of old recordings and voicemail (<c>storage.recording_retention_days</c>,
/// <c>storage.voicemail_retention_days</c>) once at start-up, after the migrations, then daily.
/// </summary>
internal sealed class FileRetentionService(FileRetentionSweeper sweeper) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => sweeper.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await sweeper.DisposeAsync();
}
