using System.Collections;
using Microsoft.Extensions.Configuration;
using Softswitch.Configuration;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;
using Softswitch.Ivr.Simulation;
using Softswitch.Ivr.Speech;

namespace Softswitch.Cli;

/// <summary>
/// <c>softswitch flows check [DIR]</c> and <c>softswitch flows simulate FLOW --keys KEYS</c>: the IVR flows checked, and
/// tried with a key script, with no phone and no running switch. The folders are the command line's, else the
/// configuration's (<c>ivr.flows</c>, <c>ivr.sounds</c>: the switch's own), else <c>ivr-flows</c> and <c>sounds</c>.
/// Numbers are checked and said with the switch's own number speaker; nothing is synthesized (espeak-ng need not be
/// installed: a <c>speak</c> without a recorded prompt is only printed).
/// </summary>
public static class FlowsCommands
{
    public const string DefaultFlowsFolder = "ivr-flows";

    public const string DefaultSoundsFolder = "sounds";

    /// <summary>Runs a <c>flows</c> command; returns 0, 1 when flows have errors, 2 for unusable arguments.</summary>
    public static async Task<int> RunAsync(CliArguments arguments, string currentDirectory, IDictionary environment, TextWriter output,
        TextWriter error, CancellationToken cancellationToken = default)
    {
        var configured = Configured(arguments, currentDirectory, environment);
        if (configured.Problem is not null)
        {
            await error.WriteLineAsync($"softswitch: {configured.Problem}").ConfigureAwait(false);
            return SoftswitchCli.ConfigurationError;
        }

        var folderName = arguments.FlowsFolder ?? configured.Flows ?? DefaultFlowsFolder;
        var folder = Path.GetFullPath(folderName, currentDirectory);
        if (!Directory.Exists(folder))
        {
            await error.WriteLineAsync($"softswitch: {folderName}: no such folder").ConfigureAwait(false);
            return SoftswitchCli.ConfigurationError;
        }

        var services = new FlowServices
        {
            TimeProvider = TimeProvider.System,
            SoundsFolder = Path.GetFullPath(arguments.SoundsFolder ?? configured.Sounds ?? DefaultSoundsFolder, currentDirectory),
            NumberSpeaker = new SpokenNumbers(),
        };
        if (configured.Language is { } language) services = services with { DefaultLanguage = language };
        return arguments.Command == CliCommand.FlowsCheck
            ? await CheckAsync(folder, folderName, services, currentDirectory, output, error).ConfigureAwait(false)
            : await SimulateAsync(arguments, folder, folderName, services, currentDirectory, output, error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The <c>ivr</c> keys of the configuration the switch would run with (<c>--config</c>, else the default file when
    /// there is one; environment and <c>--section:key=value</c> overrides apply); nulls when there is no file. The rest
    /// of the configuration is not validated: flows are checked before the switch knows them.
    /// </summary>
    private static (string? Flows, string? Sounds, string? Language, string? Problem) Configured(CliArguments arguments, string currentDirectory,
        IDictionary environment)
    {
        var path = arguments.ConfigPath is null
            ? SoftswitchConfiguration.FindDefaultConfigFile(currentDirectory, AppContext.BaseDirectory)
            : Path.GetFullPath(arguments.ConfigPath, currentDirectory);
        if (path is null) return (null, null, null, null);
        if (!File.Exists(path)) return (null, null, null, $"{arguments.ConfigPath}: configuration file not found");
        var configuration = SoftswitchConfiguration.Build(path, SoftswitchConfiguration.DisplayPathFor(path, currentDirectory),
            SoftswitchConfiguration.FromEnvironment(environment), arguments.Overrides, reloadOnChange: false);
        return (Value(configuration, "ivr:flows"), Value(configuration, "ivr:sounds"), Value(configuration, "ivr:default_language"), null);
    }

    private static string? Value(IConfiguration configuration, string key) => configuration[key] is { Length: > 0 } value ? value : null;

    private static async Task<int> CheckAsync(string folder, string folderName, FlowServices services, string currentDirectory, TextWriter output,
        TextWriter error)
    {
        var result = FlowFolder.Load(folder, services);
        foreach (var problem in result.Problems) await error.WriteLineAsync(Relative(problem, currentDirectory)).ConfigureAwait(false);
        var errors = result.Problems.Count(p => p.IsError);
        var warnings = result.Problems.Count - errors;
        if (errors > 0)
        {
            await error.WriteLineAsync($"softswitch: {folderName}: {Count(errors, "error")} in {Count(result.Rejected.Count, "flow")}").ConfigureAwait(false);
            return SoftswitchCli.ConfigurationError;
        }

        var flows = result.Flows.Keys.Order(StringComparer.Ordinal).ToList();
        await output.WriteLineAsync($"{folderName}: {Count(flows.Count, "flow")} OK ({string.Join(", ", flows)}){(warnings > 0 ? $", {Count(warnings, "warning")}" : "")}").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> SimulateAsync(CliArguments arguments, string folder, string folderName, FlowServices checkServices, string currentDirectory,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!KeyScript.TryParse(arguments.Keys, out var script, out var scriptError))
        {
            await error.WriteLineAsync($"softswitch: --keys: {scriptError}").ConfigureAwait(false);
            return SoftswitchCli.UsageError;
        }

        var at = TimeProvider.System.GetUtcNow();
        if (arguments.At is not null && !CallsCommands.TryParseDate(arguments.At, out at))
        {
            await error.WriteLineAsync($"softswitch: --at '{arguments.At}' is not a time: use 2026-11-23T10:00+08:00 (UTC unless it ends in Z or an offset)").ConfigureAwait(false);
            return SoftswitchCli.UsageError;
        }

        var clock = new SimulationClock(at);
        var transcript = new SimulationTranscript(output);
        using var http = new HttpClient();
        var services = checkServices with
        {
            TimeProvider = clock,
            HttpClient = http,
            VoicemailDrop = new SimulatedVoicemailDrop(transcript),
            Queues = new SimulatedQueues(transcript, clock),
        };
        var result = FlowFolder.Load(folder, services);
        var name = arguments.FlowName!;
        if (!result.Flows.TryGetValue(name, out var flow))
        {
            foreach (var problem in result.Problems.Where(p => p.IsError && Path.GetFileNameWithoutExtension(p.Position.File) == name))
            {
                await error.WriteLineAsync(Relative(problem, currentDirectory)).ConfigureAwait(false);
            }

            await error.WriteLineAsync(result.Rejected.Contains(name)
                ? $"softswitch: flow {name} has errors (softswitch flows check {folderName})"
                : $"softswitch: no flow {name} in {folderName} (flows: {string.Join(", ", result.Flows.Keys.Order(StringComparer.Ordinal))})").ConfigureAwait(false);
            return SoftswitchCli.ConfigurationError;
        }

        cancellationToken.ThrowIfCancellationRequested();
        await FlowSimulator.RunAsync(flow, result.Flows.GetValueOrDefault, services, clock, script, transcript, arguments.Caller ?? "60123456789").ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static string Relative(FlowProblem problem, string currentDirectory)
    {
        var file = problem.Position.File;
        var relative = Path.GetRelativePath(currentDirectory, file);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? problem : problem with { Position = problem.Position with { File = relative } }).ToString();
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
