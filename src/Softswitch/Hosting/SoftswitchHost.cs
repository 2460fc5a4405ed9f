using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Extensions.Logging;
using Softswitch.Configuration;
using Softswitch.Storage;

namespace Softswitch.Hosting;

/// <summary>
/// Runs the softswitch on the generic host until SIGTERM, Ctrl-C or <c>cancellationToken</c>.
/// Returns the process exit code: 0 after a clean stop, 1 when start-up failed.
/// </summary>
public static class SoftswitchHost
{
    /// <summary>Builds, starts and runs the host.</summary>
    /// <param name="startup">Validated configuration.</param>
    /// <param name="cancellationToken">Stops the host like SIGTERM does.</param>
    /// <param name="started">Called once every hosted service has started (tests and embedders use it).</param>
    public static async Task<int> RunAsync(SoftswitchStartup startup, CancellationToken cancellationToken = default, Action<IServiceProvider>? started = null)
    {
        var options = startup.Validation.Options ?? throw new ArgumentException("the configuration must be valid", nameof(startup));
        LogLevelNames.TryParse(options.Logging.Level, out var level);
        var levelSwitch = new LoggingLevelSwitch(level);
        var serilog = SerilogSetup.CreateLogger(options.Logging, levelSwitch, startup.CurrentDirectory, options.Storage.RetentionDays);
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                // No appsettings.json or DOTNET_ variables: the YAML file is the admin's one file.
                DisableDefaults = true,
                ApplicationName = "softswitch",
                ContentRootPath = startup.CurrentDirectory,
            });
            builder.Configuration.AddConfiguration(startup.Configuration, shouldDisposeConfiguration: false);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Trace); // Serilog's level switch does the filtering
            builder.Logging.AddProvider(new SerilogLoggerProvider(serilog));
            builder.Services.AddSoftswitchCore(startup);
            builder.Services.AddSipStack();
            // The default (30 s) would cut the call drain short: StopAsync gets the grace period plus the hang-ups.
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeouts.Host(options.Limits));

            var host = builder.Build();
            try
            {
                await RunBuiltHostAsync(host, startup, levelSwitch, started, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Async disposal: the registration event writer flushes its queue here.
                await ((IAsyncDisposable)host).DisposeAsync().ConfigureAwait(false);
            }

            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception ex) when (SipPortCheck.Describe(options.Sip, ex) is { } problem)
        {
            // A port taken after the command line's check (SipPortCheck): the same one line, no stack trace.
            Console.Error.WriteLine(problem);
            serilog.Fatal("Softswitch could not start: {Problem}", problem);
            return 1;
        }
        catch (Exception ex)
        {
            serilog.Fatal(ex, "Softswitch could not start or stopped unexpectedly");
            return 1;
        }
        finally
        {
            // Disposing the Serilog logger flushes the file sink.
            await serilog.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task RunBuiltHostAsync(IHost host, SoftswitchStartup startup, LoggingLevelSwitch levelSwitch, Action<IServiceProvider>? started, CancellationToken cancellationToken)
    {
        var options = startup.Validation.Options!;
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Softswitch");
        var settings = host.Services.GetRequiredService<SoftswitchSettings>();
        using var levelFollower = settings.OnChange((current, _) =>
        {
            if (LogLevelNames.TryParse(current.Logging.Level, out var newLevel))
            {
                levelSwitch.MinimumLevel = newLevel;
            }
        });

        foreach (var warning in startup.Validation.Warnings)
        {
            logger.LogWarning("{Warning}", warning.ToString());
        }

        Softswitch.Media.Recording.RecordingPaths.CreateFolder(Path.GetFullPath(options.Storage.Recordings, startup.CurrentDirectory));
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            // No HTTP listener yet (the web console is a later issue), so the http section is not announced.
            "Softswitch started: config {ConfigFile}, SIP {SipListen}:{SipPort} ({Transports}), database {Database}",
            startup.ConfigDisplayPath, options.Sip.Listen, options.Sip.Port, string.Join("+", options.Sip.EffectiveTransports),
            host.Services.GetRequiredService<SqliteDatabase>().FilePath);
        started?.Invoke(host.Services);
        await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Softswitch stopped");
    }
}
