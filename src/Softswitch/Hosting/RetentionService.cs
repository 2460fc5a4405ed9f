using Microsoft.Extensions.Hosting;
using Softswitch.Storage.Retention;

namespace Softswitch.Hosting;

/// <summary>
/// Runs the retention sweeps once at start-up, after the migrations, then daily: history rows
/// (<c>storage.retention_days</c>) and the files of recordings and voicemail (<c>storage.recording_retention_days</c>,
/// <c>storage.voicemail_retention_days</c>).
/// </summary>
internal sealed class RetentionService(RetentionSweeper sweeper, FileRetentionSweeper files) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await sweeper.StartAsync(cancellationToken);
        await files.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await sweeper.DisposeAsync();
        await files.DisposeAsync();
    }
}
