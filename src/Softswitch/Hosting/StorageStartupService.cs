using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Softswitch.Storage;
using Softswitch.Storage.Migrations;

namespace Softswitch.Hosting;

/// <summary>Brings the database schema up to date before anything else starts.</summary>
public sealed class StorageStartupService(SqliteDatabase database, MigrationRunner migrations, ILogger<StorageStartupService> logger) : IHostedService
{
    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = await migrations.MigrateAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Database {Database} ready at schema version {Version}", database.FilePath, version);
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
