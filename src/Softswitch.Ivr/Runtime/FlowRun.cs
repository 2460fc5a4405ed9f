using System.Text.Json;
using System.Text.RegularExpressions;
using Softswitch.Channels;
using Softswitch.Ivr.Flows;

namespace Softswitch.Ivr.Runtime;

/// <summary>
/// One call going through a flow: its variables, the path it took (nodes and keys), and the loop that runs node after
/// node until one ends the call. The path, the prompts the caller heard and the final variables go into the call's record.
/// </summary>
internal sealed partial class FlowRun(Flow flow, ICallChannel channel, FlowServices services, Func<string, Flow?> resolveFlow, IFlowTrace? trace)
{
    /// <summary>A runtime guard behind the validator's loop check: this many nodes in a row without waiting ends the call.</summary>
    private const int MaxStepsWithoutInput = 500;

    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly List<string> _path = [];
    private readonly List<string> _keys = [];
    private readonly List<string> _menus = [];
    private readonly List<string> _flows = [];
    private readonly List<string> _said = [];

    public ICallChannel Channel => channel;

    public FlowServices Services => services;

    public CancellationToken HungUp => channel.HungUp;

    /// <summary>The mailbox this call opened with <c>mailbox: open</c>, if any.</summary>
    public MailboxSession? Mailbox { get; set; }

    /// <summary>How the call left the flow (<c>transfer 1002</c>, <c>hangup</c>, <c>caller hung up in main-menu</c>).</summary>
    public string Result { get; private set; } = "";

    public async Task<string> RunAsync()
    {
        _variables[FlowVariables.Caller] = channel.Caller;
        _variables[FlowVariables.CallerName] = channel.CallerName ?? "";
        _variables[FlowVariables.Dialled] = channel.Dialled;
        _variables[FlowVariables.Language] = channel.Language;
        _variables[FlowVariables.Origin] = channel.Origin.Kind.ToString().ToLowerInvariant();
        _variables[FlowVariables.OriginName] = channel.Origin.Name;
        var current = flow;
        var node = Enter(current);
        var stepsWithoutInput = 0;
        try
        {
            while (true)
            {
                if (channel.HungUp.IsCancellationRequested)
                {
                    Result = $"caller hung up in {node.Name}";
                    break;
                }

                if (++stepsWithoutInput > MaxStepsWithoutInput)
                {
                    End($"{MaxStepsWithoutInput} nodes without waiting for the caller", hangUp: true);
                    break;
                }

                _path.Add(node.Name);
                if (node is MenuNode) _menus.Add(node.Name);
                if (Tracing) Note($"-> {node.Name} ({node.Kind})");
                var step = await node.RunAsync(this).ConfigureAwait(false);
                if (node.WaitsForInput) stepsWithoutInput = 0;
                if (step.Result is { } result)
                {
                    End(ReferenceEquals(result, FlowStep.CallerHungUp.Result) ? $"caller hung up in {node.Name}" : result, step.HangUp);
                    break;
                }

                if (step.Flow is { } flowName)
                {
                    if (resolveFlow(flowName) is not { } next)
                    {
                        End($"flow {flowName} is not loaded", hangUp: true);
                        break;
                    }

                    current = next;
                    node = Enter(current);
                    continue;
                }

                if (!current.Nodes.TryGetValue(step.Next!, out var following))
                {
                    End($"no node '{step.Next}' in flow {current.Name}", hangUp: true);
                    break;
                }

                node = following;
            }
        }
        catch (OperationCanceledException) when (channel.HungUp.IsCancellationRequested)
        {
            Result = $"caller hung up in {node.Name}";
        }
        finally
        {
            Note(Result);
            WriteRecord();
        }

        return Result;
    }

    public string Get(string variable) => _variables.GetValueOrDefault(variable, "");

    public void Set(string variable, string value)
    {
        _variables[variable] = value;
        if (Tracing) Note($"set {variable} = {value}");
    }

    /// <summary>Fills in <c>${variable}</c>s (unknown ones are empty), passing each value through <paramref name="escape"/> when given.</summary>
    public string Expand(string template, Func<string, string>? escape = null) =>
        template.Contains("${", StringComparison.Ordinal)
            ? VariableReference().Replace(template, m => escape is null ? Get(m.Groups[1].Value) : escape(Get(m.Groups[1].Value)))
            : template;

    public Task<PlayResult> PlayAsync(IReadOnlyList<PromptReference> prompts, bool bargeIn) =>
        PlayAsync([.. prompts.Select(p => p.ToPrompt())], bargeIn);

    /// <summary>
    /// Plays <paramref name="prompts"/> and adds them to what the caller heard (<c>ivr_said</c>), each as
    /// <c>name@language</c>, or as <paramref name="heardAs"/> when given (a synthesized sentence, not its cache file).
    /// A prompt a key cut short counts as heard: it started.
    /// </summary>
    public Task<PlayResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool bargeIn, string? heardAs = null)
    {
        if (prompts.Count == 0) return Task.FromResult(new PlayResult(PlayOutcome.Finished));
        if (heardAs is not null)
        {
            _said.Add(heardAs);
        }
        else
        {
            foreach (var prompt in prompts)
            {
                _said.Add(prompt.Name is { } name ? $"{name}@{prompt.Language ?? channel.Language}" : Path.GetFileName(prompt.File ?? ""));
            }
        }

        return channel.PlayAsync(prompts, bargeIn, channel.HungUp);
    }

    /// <summary>Adds what the caller typed to the path (<c>main-menu:3</c>; a silence shows as <c>-</c>).</summary>
    public void KeysPressed(string node, DigitsResult entry)
    {
        var keys = entry.Digits + (entry.Terminator?.ToString() ?? "");
        if (keys.Length > 0) _keys.Add(keys);
        _path[^1] += ":" + (keys.Length == 0 ? "-" : keys);
        if (Tracing) Note(keys.Length == 0 ? $"{node}: no key ({entry.Outcome.ToString().ToLowerInvariant()})" : $"{node}: keys {keys}");
    }

    /// <summary>Adds what a <c>say</c> node read aloud to the path, so the record shows what the caller heard.</summary>
    public void Said(string node, string value) => _path[^1] += ":" + value;

    /// <summary>The menu the caller was in before <paramref name="current"/>, for a back key.</summary>
    public string? PreviousMenu(string current)
    {
        for (var i = _menus.Count - 1; i >= 0; i--)
        {
            if (_menus[i] != current) return _menus[i];
        }

        return null;
    }

    /// <summary>True when someone reads the steps (the simulator): a live call skips building their text.</summary>
    public bool Tracing => trace is not null;

    public void Note(string line) => trace?.Step(line);

    private FlowNode Enter(Flow next)
    {
        _flows.Add(next.Name);
        // A flow offered only in other languages than the call's starts in its first one, so its prompts exist.
        if (!next.Languages.Contains(channel.Language))
        {
            channel.Language = next.Languages[0];
            _variables[FlowVariables.Language] = channel.Language;
        }

        foreach (var (variable, value) in next.Variables) _variables[variable] = Expand(value);
        return next.StartNode;
    }

    private void End(string result, bool hangUp)
    {
        Result = result;
        if (hangUp && !channel.HungUp.IsCancellationRequested) channel.Hangup();
    }

    private void WriteRecord()
    {
        channel.SetRecordField("ivr_flow", string.Join(",", _flows));
        channel.SetRecordField("ivr_path", string.Join(",", _path));
        channel.SetRecordField("ivr_keys", string.Join(",", _keys));
        channel.SetRecordField("ivr_result", Result);
        channel.SetRecordField("ivr_variables", JsonSerializer.Serialize(_variables));
        channel.SetRecordField("ivr_said", JsonSerializer.Serialize(_said));
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex VariableReference();
}
