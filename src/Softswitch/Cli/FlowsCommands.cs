using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;
using Softswitch.Ivr.Simulation;

namespace Softswitch.Cli;

/// <summary>
/// <c>softswitch flows check [DIR]</c> and <c>softswitch flows simulate FLOW --keys KEYS</c>: the IVR flows checked, and
/// tried with a key script, with no phone and no running switch.
/// </summary>
public static class FlowsCommands
{
    public const string DefaultFlowsFolder = "ivr-flows";

    public const string DefaultSoundsFolder = "sounds";

    /// <summary>Runs a <c>flows</c> command; returns 0, 1 when flows have errors, 2 for unusable arguments.</summary>
    public static async Task<int> RunAsync(CliArguments arguments, string currentDirectory, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        var folderName = arguments.FlowsFolder ?? DefaultFlowsFolder;
        var folder = Path.GetFullPath(folderName, currentDirectory);
        if (!Directory.Exists(folder))
        {
            await error.WriteLineAsync($"softswitch: {folderName}: no such folder").ConfigureAwait(false);
            return SoftswitchCli.ConfigurationError;
        }

        var sounds = Path.GetFullPath(arguments.SoundsFolder ?? DefaultSoundsFolder, currentDirectory);
        return arguments.Command == CliCommand.FlowsCheck
            ? await CheckAsync(folder, folderName, sounds, currentDirectory, output, error).ConfigureAwait(false)
            : await SimulateAsync(arguments, folder, folderName, sounds, currentDirectory, output, error, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> CheckAsync(string folder, string folderName, string sounds, string currentDirectory, TextWriter output, TextWriter error)
    {
        var result = FlowFolder.Load(folder, new FlowServices { TimeProvider = TimeProvider.System, SoundsFolder = sounds });
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

    private static async Task<int> SimulateAsync(CliArguments arguments, string folder, string folderName, string sounds, string currentDirectory,
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
        var services = new FlowServices
        {
            TimeProvider = clock,
            SoundsFolder = sounds,
            HttpClient = http,
            VoicemailDrop = new SimulatedVoicemailDrop(transcript),
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
