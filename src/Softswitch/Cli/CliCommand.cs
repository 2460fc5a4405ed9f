namespace Softswitch.Cli;

/// <summary>What the command line asks for.</summary>
public enum CliCommand
{
    /// <summary>Run the softswitch (the default).</summary>
    Run,

    /// <summary>Validate the configuration and exit.</summary>
    CheckConfig,

    /// <summary>Print usage.</summary>
    Help,

    /// <summary>Print the version and exit.</summary>
    Version,
}
