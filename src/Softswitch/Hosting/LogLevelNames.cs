using Serilog.Events;

namespace Softswitch.Hosting;

/// <summary>The log level words accepted in <c>logging.level</c>, Serilog's and Microsoft's alike.</summary>
public static class LogLevelNames
{
    /// <summary>For messages: the accepted words.</summary>
    public const string Accepted = "verbose, debug, information, warning, error, fatal";

    /// <summary>Parses a level name, ignoring case; accepts trace, info, warn and critical too.</summary>
    public static bool TryParse(string? text, out LogEventLevel level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "verbose" or "trace":
                level = LogEventLevel.Verbose;
                return true;
            case "debug":
                level = LogEventLevel.Debug;
                return true;
            case "information" or "info":
                level = LogEventLevel.Information;
                return true;
            case "warning" or "warn":
                level = LogEventLevel.Warning;
                return true;
            case "error":
                level = LogEventLevel.Error;
                return true;
            case "fatal" or "critical":
                level = LogEventLevel.Fatal;
                return true;
            default:
                level = LogEventLevel.Information;
                return false;
        }
    }
}
