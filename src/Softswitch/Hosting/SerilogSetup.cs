using Serilog;
using Serilog.Core;
using Serilog.Events;
using Softswitch.Configuration.Options;

namespace Softswitch.Hosting;

/// <summary>Builds the process logger: console plus a daily rolling file, level switchable at run time.</summary>
public static class SerilogSetup
{
    /// <summary>Line layout for console and file; the call id appears only on lines about a call.</summary>
    public const string OutputTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {CallIdTag:l}{SourceContext:l}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Creates the logger described by <paramref name="options"/>; relative paths resolve against <paramref name="currentDirectory"/>.</summary>
    /// <param name="retentionDays">
    /// <c>storage.retention_days</c>: files older than that are deleted when the log rolls, and never more files than that
    /// (one a day), so days the switch was down do not keep old files alive.
    /// </param>
    public static Logger CreateLogger(LoggingOptions options, LoggingLevelSwitch levelSwitch, string currentDirectory, int retentionDays)
    {
        var file = Path.GetFullPath(options.File, currentDirectory);
        var folder = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var formatter = new CallIdTextFormatter(OutputTemplate);
        return new LoggerConfiguration()
            .MinimumLevel.ControlledBy(levelSwitch)
            // Framework chatter stays out unless it matters; start/stop lines are kept.
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatter)
            .WriteTo.File(formatter, file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: retentionDays,
                retainedFileTimeLimit: TimeSpan.FromDays(retentionDays))
            .CreateLogger();
    }
}
