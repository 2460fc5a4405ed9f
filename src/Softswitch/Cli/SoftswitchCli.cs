using System.Collections;
using System.Reflection;
using Softswitch.Configuration;
using Softswitch.Configuration.Validation;
using Softswitch.Hosting;

namespace Softswitch.Cli;

/// <summary>The program's entry: parses arguments, loads and validates the configuration, then checks or runs.</summary>
public static class SoftswitchCli
{
    /// <summary>Exit code for a configuration that is missing or has problems.</summary>
    public const int ConfigurationError = 1;

    /// <summary>Exit code when the switch cannot start (a SIP port taken, storage unusable), as <see cref="SoftswitchHost.RunAsync"/> returns it.</summary>
    public const int StartupError = 1;

    /// <summary>Exit code for unusable arguments.</summary>
    public const int UsageError = 2;

    /// <summary>The program's informational version (the project's Version, plus the commit when the build knew it).</summary>
    public static string Version { get; } =
        typeof(SoftswitchCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SoftswitchCli).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Runs the command line and returns the process exit code.</summary>
    /// <param name="args">Arguments after the program name.</param>
    /// <param name="output">Normal output.</param>
    /// <param name="error">Problems and diagnostics.</param>
    /// <param name="environment">Environment variables (only <c>SOFTSWITCH_</c> ones are used).</param>
    /// <param name="currentDirectory">Base of relative paths; defaults to the process's current directory.</param>
    /// <param name="cancellationToken">Stops a running softswitch (as SIGTERM would).</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        IDictionary environment,
        string? currentDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var arguments = CliArguments.Parse(args);
        if (arguments.Error is not null)
        {
            await error.WriteLineAsync($"softswitch: {arguments.Error}\nRun 'softswitch --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        if (arguments.Command == CliCommand.Help)
        {
            await output.WriteLineAsync(CliArguments.Usage).ConfigureAwait(false);
            return 0;
        }

        if (arguments.Command == CliCommand.Version)
        {
            await output.WriteLineAsync($"softswitch {Version}").ConfigureAwait(false);
            return 0;
        }

        if (arguments.Command == CliCommand.Erlang)
        {
            // Arithmetic on the figures given: no configuration needed.
            return await ErlangCommand.RunAsync(arguments.Erlang!, output, error).ConfigureAwait(false);
        }

        currentDirectory ??= Directory.GetCurrentDirectory();
        if (arguments.Command is CliCommand.FlowsCheck or CliCommand.FlowsSimulate)
        {
            // Flows are checked and tried without validating the configuration (an admin edits them before the switch
            // knows them); only its ivr folders are read.
            return await FlowsCommands.RunAsync(arguments, currentDirectory, environment, output, error, cancellationToken).ConfigureAwait(false);
        }

        var configPath = arguments.ConfigPath is null
            ? SoftswitchConfiguration.FindDefaultConfigFile(currentDirectory, AppContext.BaseDirectory)
            : Path.GetFullPath(arguments.ConfigPath, currentDirectory);
        if (configPath is null || !File.Exists(configPath))
        {
            var message = configPath is null
                ? $"no configuration file: looked for {SoftswitchConfiguration.DefaultConfigPath} in {currentDirectory} and {AppContext.BaseDirectory}"
                : $"{arguments.ConfigPath}: configuration file not found";
            await error.WriteLineAsync($"softswitch: {message}").ConfigureAwait(false);
            return ConfigurationError;
        }

        var displayPath = SoftswitchConfiguration.DisplayPathFor(configPath, currentDirectory);
        var run = arguments.Command == CliCommand.Run;
        var configuration = SoftswitchConfiguration.Build(
            configPath, displayPath, SoftswitchConfiguration.FromEnvironment(environment), arguments.Overrides, reloadOnChange: run);
        // Disposing the root stops the file watcher.
        using var watcher = configuration as IDisposable;
        var validation = ConfigValidator.Validate(configuration, currentDirectory);
        foreach (var problem in validation.Problems)
        {
            await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
        }

        if (!validation.IsValid)
        {
            await error.WriteLineAsync($"softswitch: {displayPath}: {Count(validation.Problems.Count, "problem")} found").ConfigureAwait(false);
            return ConfigurationError;
        }

        if (arguments.Command is CliCommand.SecurityBans or CliCommand.SecurityUnban)
        {
            return await SecurityCommands.RunAsync(arguments, validation.Options!, currentDirectory, output, error, TimeProvider.System).ConfigureAwait(false);
        }

        if (arguments.Command == CliCommand.Report)
        {
            return await ReportCommand.RunAsync(arguments, validation.Options!, currentDirectory, output, error, cancellationToken).ConfigureAwait(false);
        }

        if (arguments.Command == CliCommand.CallsExport)
        {
            return await CallsCommands.RunAsync(arguments, validation.Options!, currentDirectory, output, error, cancellationToken).ConfigureAwait(false);
        }

        if (run)
        {
            // Before the host opens the log file: a second instance on a taken port must not write into the first one's log.
            if (SipPortCheck.FindProblem(validation.Options!.Sip) is { } portProblem)
            {
                await error.WriteLineAsync(portProblem).ConfigureAwait(false);
                return StartupError;
            }

            return await SoftswitchHost.RunAsync(new SoftswitchStartup(configuration, validation, displayPath, currentDirectory), cancellationToken).ConfigureAwait(false);
        }

        foreach (var warning in validation.Warnings)
        {
            await error.WriteLineAsync(warning.Format("warning")).ConfigureAwait(false);
        }

        var warnings = validation.Warnings.Count == 0 ? "" : $" ({Count(validation.Warnings.Count, "warning")})";
        await output.WriteLineAsync($"{displayPath}: configuration OK{warnings}").ConfigureAwait(false);
        return 0;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
