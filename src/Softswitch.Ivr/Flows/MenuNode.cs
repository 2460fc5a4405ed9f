using Softswitch.Channels;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary>
/// <c>menu: main-menu</c> with <c>keys: { 1: sales }</c>: plays the prompt and waits for a key. A wrong key or silence plays
/// <c>invalid_prompt</c>/<c>timeout_prompt</c> and offers the menu again, <c>retries</c> times, then goes to
/// <c>on_failure</c> (or hangs up). <c>repeat_key</c> replays the menu; <c>back_key</c> returns to <c>back_to</c> (or the menu before).
/// </summary>
public sealed class MenuNode : FlowNode
{
    private readonly int _longestKey;

    private MenuNode(string name, SourcePosition position, MenuSettings settings) : base(name, position)
    {
        Settings = settings;
        _longestKey = settings.Keys.Keys.Append(settings.RepeatKey?.ToString() ?? "").Append(settings.BackKey?.ToString() ?? "").Max(k => k.Length);
    }

    public override string Kind => "menu";

    public MenuSettings Settings { get; }

    public override bool WaitsForInput => true;

    public override IEnumerable<NodeReference> Exits =>
        Settings.Keys.Values.Concat(Present(Settings.OnFailure, Settings.BackTo));

    public override IEnumerable<PromptReference> Prompts =>
        Settings.Prompt.Concat(Settings.InvalidPrompt).Concat(Settings.TimeoutPrompt);

    internal static MenuNode Parse(NodeSource source)
    {
        var reader = source.Reader;
        var keys = new Dictionary<string, NodeReference>(StringComparer.Ordinal);
        if (source.Get("keys") is not { } keysNode)
        {
            reader.Error(source.Position, $"menu '{source.Name}' needs 'keys:' (key: node lines, such as 1: sales)");
        }
        else if (reader.Mapping(keysNode, "keys") is { } mapping)
        {
            foreach (var (key, (keyNode, target)) in reader.Entries(mapping))
            {
                if (key.Length == 0 || !key.All(NodeSource.IsKey)) reader.Error(keyNode, $"'{key}' is not a key: use 0-9, * and # (quote * and #)");
                else if (reader.Reference(target, $"key {key}") is { } next) keys[key] = next;
            }

            if (mapping.Children.Count == 0) reader.Error(keysNode, "a menu needs at least one key");
        }

        var settings = new MenuSettings
        {
            Prompt = reader.Prompts(source.KindValue, "menu"),
            Keys = keys,
            Timeout = source.Duration("timeout", TimeSpan.FromSeconds(5)),
            InterDigitTimeout = source.Duration("inter_digit_timeout", TimeSpan.FromSeconds(2)),
            Retries = source.Integer("retries", 2, 0, 20),
            InvalidPrompt = source.Prompts("invalid_prompt"),
            TimeoutPrompt = source.Prompts("timeout_prompt"),
            OnFailure = source.Next("on_failure"),
            RepeatKey = source.Key("repeat_key"),
            BackKey = source.Key("back_key"),
            BackTo = source.Next("back_to"),
        };
        foreach (var special in new[] { ("repeat_key", settings.RepeatKey), ("back_key", settings.BackKey) })
        {
            if (special.Item2 is { } key && keys.ContainsKey(key.ToString()))
            {
                reader.Error(source.Get(special.Item1)!, $"{special.Item1} '{key}' is also one of the menu's keys");
            }
        }

        if (settings.BackTo is not null && settings.BackKey is null)
        {
            reader.Error(source.Get("back_to")!, "back_to needs a back_key");
        }

        return new MenuNode(source.Name, source.Position, settings);
    }

    internal override async Task<FlowStep> RunAsync(FlowRun run)
    {
        var failures = 0;
        var collection = new DigitCollection
        {
            MaxDigits = _longestKey,
            FirstDigitTimeout = Settings.Timeout,
            InterDigitTimeout = Settings.InterDigitTimeout,
        };
        while (true)
        {
            if ((await run.PlayAsync(Settings.Prompt, bargeIn: true).ConfigureAwait(false)).Outcome == PlayOutcome.HungUp) return FlowStep.CallerHungUp;
            var entry = await run.Channel.CollectDigitsAsync(collection, run.HungUp).ConfigureAwait(false);
            if (entry.Outcome == DigitsOutcome.HungUp) return FlowStep.CallerHungUp;
            run.KeysPressed(Name, entry);
            IReadOnlyList<PromptReference> complaint;
            if (entry.Digits.Length == 0)
            {
                complaint = Settings.TimeoutPrompt;
            }
            else if (entry.Digits == Settings.RepeatKey?.ToString())
            {
                continue;
            }
            else if (entry.Digits == Settings.BackKey?.ToString() && (Settings.BackTo?.Name ?? run.PreviousMenu(Name)) is { } back)
            {
                return FlowStep.Go(new NodeReference(back, Position));
            }
            else if (Settings.Keys.TryGetValue(entry.Digits, out var next))
            {
                return FlowStep.Go(next);
            }
            else
            {
                complaint = Settings.InvalidPrompt;
            }

            failures++;
            if ((await run.PlayAsync(complaint, bargeIn: true).ConfigureAwait(false)).Outcome == PlayOutcome.HungUp) return FlowStep.CallerHungUp;
            if (failures > Settings.Retries)
            {
                run.Note($"{Name}: {failures} failed tries");
                return FlowStep.Go(Settings.OnFailure);
            }
        }
    }
}
