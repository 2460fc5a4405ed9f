using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Softswitch.Configuration;
using Softswitch.Configuration.Options;
using Softswitch.Extensions;
using Softswitch.Queues;
using Softswitch.Storage;
using Softswitch.Storage.Bindings;
using Softswitch.Storage.Extensions;
using Softswitch.Storage.CallRecords;
using Softswitch.Storage.Migrations;
using Softswitch.Storage.Recordings;
using Softswitch.Storage.Registrations;
using Softswitch.Storage.Security;
using Softswitch.Storage.Retention;

namespace Softswitch.Hosting;

/// <summary>Registers the host's own services: settings, extension directory, storage.</summary>
public static class SoftswitchServices
{
    /// <summary>Adds everything the softswitch host provides to other components.</summary>
    public static IServiceCollection AddSoftswitchCore(this IServiceCollection services, SoftswitchStartup startup)
    {
        var options = startup.Validation.Options ?? throw new ArgumentException("the configuration must be valid", nameof(startup));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(startup.Configuration);
        services.AddSingleton(sp => new SoftswitchSettings(startup.Configuration, options, sp.GetRequiredService<ILogger<SoftswitchSettings>>(), startup.CurrentDirectory));
        services.AddSingleton<IOptionsMonitor<SoftswitchOptions>>(sp => sp.GetRequiredService<SoftswitchSettings>());
        services.AddSingleton<IExtensionDirectory, ExtensionDirectory>();
        services.AddSingleton<ExtensionCallees>();

        // Storage paths are read once: moving the database needs a restart.
        var databasePath = Path.GetFullPath(options.Storage.Database, startup.CurrentDirectory);
        services.AddSingleton(new SqliteDatabase(databasePath));
        services.AddSingleton(sp => new MigrationRunner(
            sp.GetRequiredService<SqliteDatabase>(),
            timeProvider: sp.GetRequiredService<TimeProvider>(),
            logger: sp.GetRequiredService<ILogger<MigrationRunner>>()));
        services.AddSingleton<RegistrationEventRepository>();
        services.AddSingleton<SecurityBanRepository>();
        services.AddSingleton(sp => new RegistrationEventWriter(
            sp.GetRequiredService<RegistrationEventRepository>(),
            sp.GetRequiredService<ILogger<RegistrationEventWriter>>()));
        services.AddSingleton<BindingRepository>();
        // In queue order (a refresh then a removal of one binding must end with no row), flushed when the host is disposed.
        services.AddSingleton(sp => new BackgroundBatchWriter<BindingWrite>(
            writes => sp.GetRequiredService<BindingRepository>().ApplyAsync(writes), "registrar binding writes",
            sp.GetRequiredService<ILogger<BindingPersistence>>(), capacity: 10_000));
        services.AddSingleton<BindingPersistence>();
        services.AddSingleton<RecordingRepository>();
        // Rows of closed recordings, off the call's path; flushed when the host is disposed.
        services.AddSingleton(sp => new BackgroundBatchWriter<StoredRecording>(
            rows => sp.GetRequiredService<RecordingRepository>().AddBatchAsync(rows), "recording rows",
            sp.GetRequiredService<ILogger<RecordingCatalogRecorder>>(), capacity: 10_000));
        services.AddSingleton<ExtensionSettingsRepository>();
        // Feature-code changes (*72/*73, *78/*79), off the SIP path; flushed when the host is disposed.
        services.AddSingleton(sp => new BackgroundBatchWriter<StoredExtensionSetting>(
            rows => sp.GetRequiredService<ExtensionSettingsRepository>().SaveAsync(rows), "extension settings",
            sp.GetRequiredService<ILogger<ExtensionSettingsPersistence>>(), capacity: 1_000));
        services.AddSingleton<ExtensionSettingsPersistence>();
        services.AddSingleton<CallRecordRepository>();
        // Rows of finished calls, off the call's path: each is committed as soon as the consumer wakes (no batching delay),
        // and whatever is queued is flushed when the host is disposed (after the call drain).
        services.AddSingleton(sp => new BackgroundBatchWriter<StoredCallRecord>(
            rows => sp.GetRequiredService<CallRecordRepository>().AddBatchAsync(rows), "call records",
            sp.GetRequiredService<ILogger<CallRecordSink>>(), capacity: 10_000));
        services.AddHostedService<StorageStartupService>();
        // Retention is read once, like the paths: a changed retention_days applies at the next start.
        services.AddSingleton(sp => new RetentionSweeper(
            sp.GetRequiredService<SqliteDatabase>(),
            TimeSpan.FromDays(options.Storage.RetentionDays),
            sp.GetRequiredService<TimeProvider>(),
            RetentionSweeper.TablesWith(TimeSpan.FromDays(options.Storage.CallRecordsRetentionDays)),
            logger: sp.GetRequiredService<ILogger<RetentionSweeper>>()));
        services.AddSingleton(sp => new FileRetentionSweeper(
            sp.GetRequiredService<SqliteDatabase>(),
            // The folders resolve as SipComposition and IvrComposition resolve them, against the content root.
            new FileRetention(Path.GetFullPath(options.Storage.Recordings, sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
                FileRetention.Days(options.Storage.RecordingRetentionDays),
                Path.GetFullPath(options.Storage.Voicemail, sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
                FileRetention.Days(options.Storage.VoicemailRetentionDays)),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FileRetentionSweeper>>()));
        services.AddHostedService<RetentionService>();
        // Flows load before the SIP stack takes calls (hosted services start in order).
        services.AddSoftswitchIvr(databasePath);
        services.AddSoftswitchQueues();
        return services;
    }
}
