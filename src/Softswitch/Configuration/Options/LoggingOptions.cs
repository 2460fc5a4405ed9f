namespace Softswitch.Configuration.Options;

/// <summary>The <c>logging</c> section.</summary>
public sealed class LoggingOptions
{
    /// <summary>Minimum level: verbose, debug, information, warning, error or fatal.</summary>
    public string Level { get; set; } = "information";

    /// <summary>Rolling log file; the date is inserted before the extension (softswitch-20261123.log).</summary>
    public string File { get; set; } = "data/logs/softswitch-.log";
}
