using System.Text.RegularExpressions;
using Softswitch.Channels;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary>
/// <c>collect: account</c>: plays <c>prompt</c> and reads keys into the variable until the terminator, the maximum
/// length or a pause; an entry that is too short, too long or does not match <c>pattern</c> plays <c>invalid_prompt</c>
/// and asks again, <c>retries</c> times, then goes to <c>on_failure</c> (or hangs up).
/// </summary>
public sealed class CollectNode(string name, SourcePosition position, CollectSettings settings) : FlowNode(name, position)
{
    public override string Kind => "collect";

    public CollectSettings Settings => settings;

    public override bool WaitsForInput => true;

    public override IEnumerable<NodeReference> Exits => Present(settings.Next, settings.OnFailure);

    public override IEnumerable<PromptReference> Prompts =>
        settings.Prompt.Concat(settings.InvalidPrompt).Concat(settings.TimeoutPrompt);

    internal static CollectNode Parse(NodeSource source)
    {
        var reader = source.Reader;
        var terminator = source.Get("terminator") is null ? '#' : source.Text("terminator") is "" or "none" ? null : source.Key("terminator");
        var settings = new CollectSettings
        {
            Variable = reader.VariableName(source.KindValue, "collect") ?? "",
            Prompt = source.Prompts("prompt"),
            MinLength = source.Integer("min_length", 1, 1, 64),
            MaxLength = source.Integer("max_length", 20, 1, 64),
            Terminator = terminator,
            Timeout = source.Duration("timeout", TimeSpan.FromSeconds(5)),
            InterDigitTimeout = source.Duration("inter_digit_timeout", TimeSpan.FromSeconds(3)),
            Pattern = source.Get("pattern") is { } pattern ? reader.Pattern(pattern, "pattern") : null,
            Retries = source.Integer("retries", 2, 0, 20),
            InvalidPrompt = source.Prompts("invalid_prompt"),
            TimeoutPrompt = source.Prompts("timeout_prompt"),
            OnFailure = source.Next("on_failure"),
            Next = source.Next(),
        };
        if (settings.MinLength > settings.MaxLength)
        {
            reader.Error(source.Get("min_length")!, $"min_length {settings.MinLength} is more than max_length {settings.MaxLength}");
        }

        return new CollectNode(source.Name, source.Position, settings);
    }

    internal override async Task<FlowStep> RunAsync(FlowRun run)
    {
        // One more key than the longest entry, so the terminator typed after a full entry is taken here and not left
        // for the next menu.
        var collection = new DigitCollection
        {
            MaxDigits = settings.MaxLength + (settings.Terminator is null ? 0 : 1),
            Terminators = settings.Terminator?.ToString() ?? "",
            FirstDigitTimeout = settings.Timeout,
            InterDigitTimeout = settings.InterDigitTimeout,
        };
        for (var failures = 0; ; failures++)
        {
            if (failures > settings.Retries)
            {
                run.Note($"{Name}: {failures} failed tries");
                return FlowStep.Go(settings.OnFailure);
            }

            if ((await run.PlayAsync(settings.Prompt, bargeIn: true).ConfigureAwait(false)).Outcome == PlayOutcome.HungUp) return FlowStep.CallerHungUp;
            var entry = await run.Channel.CollectDigitsAsync(collection, run.HungUp).ConfigureAwait(false);
            if (entry.Outcome == DigitsOutcome.HungUp) return FlowStep.CallerHungUp;
            run.KeysPressed(Name, entry);
            var digits = entry.Digits;
            if (digits.Length == 0)
            {
                if ((await run.PlayAsync(settings.TimeoutPrompt, bargeIn: true).ConfigureAwait(false)).Outcome == PlayOutcome.HungUp) return FlowStep.CallerHungUp;
                continue;
            }

            if (digits.Length < settings.MinLength || digits.Length > settings.MaxLength || !Matches(settings.Pattern, digits))
            {
                run.Note($"{Name}: '{digits}' is not a valid entry");
                if ((await run.PlayAsync(settings.InvalidPrompt, bargeIn: true).ConfigureAwait(false)).Outcome == PlayOutcome.HungUp) return FlowStep.CallerHungUp;
                continue;
            }

            run.Set(settings.Variable, digits);
            return FlowStep.Go(settings.Next);
        }
    }

    private static bool Matches(Regex? pattern, string digits)
    {
        try
        {
            return pattern?.IsMatch(digits) ?? true;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
