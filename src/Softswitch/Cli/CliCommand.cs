namespace Softswitch.Cli;

/// <summary>What the command line asks for.</summary>
public enum CliCommand
{
    /// <summary>Run the softswitch (the default).</summary>
    Run,

    /// <summary>Validate the configuration and exit.</summary>
    CheckConfig,

    /// <summary>List the bans in force (<c>security bans</c>).</summary>
    SecurityBans,

    /// <summary>Lift the ban of one address (<c>security unban ADDRESS</c>).</summary>
    SecurityUnban,

    /// <summary>Print the call records of a time range (<c>calls export --since DATE</c>).</summary>
    CallsExport,

    /// <summary>Check every IVR flow of a folder (<c>flows check [DIR]</c>).</summary>
    FlowsCheck,

    /// <summary>Run one IVR flow with a key script, no phone needed (<c>flows simulate FLOW --keys ...</c>).</summary>
    FlowsSimulate,

    /// <summary>The call-centre figures of a time range from the queue event log (<c>report --from DATE --to DATE</c>).</summary>
    Report,

    /// <summary>Staffing from Erlang C (<c>erlang --calls-per-hour N --aht SECONDS [--target 80/20]</c>).</summary>
    Erlang,

    /// <summary>Print usage.</summary>
    Help,

    /// <summary>Print the version and exit.</summary>
    Version,
}
