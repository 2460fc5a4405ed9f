using Softswitch.Channels;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;
using Softswitch.Ivr.Speech;

namespace Softswitch.Ivr.Flows;

/// <summary><c>say: balance</c> with <c>as: money</c>: reads a variable aloud from number prompts, in the call's language.</summary>
public sealed class SayNode(string name, SourcePosition position, string variable, SayKind sayAs, NodeReference? next) : FlowNode(name, position)
{
    public override string Kind => "say";

    public string Variable => variable;

    public SayKind As => sayAs;

    public override IEnumerable<NodeReference> Exits => Present(next);

    internal static SayNode Parse(NodeSource source)
    {
        var variable = source.Reader.VariableName(source.KindValue, "say") ?? "";
        SayKind? kind = SayKind.Number;
        if (source.Get("as") is { } asNode && source.Reader.Scalar(asNode, "as") is { } text)
        {
            kind = text switch
            {
                "number" => SayKind.Number,
                "digits" => SayKind.Digits,
                "money" => SayKind.Money,
                "date" => SayKind.Date,
                "time" => SayKind.Time,
                _ => null,
            };
            if (kind is null) source.Reader.Error(asNode, $"as must be one of number, digits, money, date, time, not '{text}'");
        }

        return new SayNode(source.Name, source.Position, variable, kind ?? SayKind.Number, source.Next());
    }

    internal override async Task<FlowStep> RunAsync(FlowRun run)
    {
        var value = run.Get(variable);
        var language = run.Channel.Language;
        if (run.Tracing) run.Note($"say {sayAs.ToString().ToLowerInvariant()} {value}");
        run.Said(Name, value);
        if (run.Services.NumberSpeaker is not { } speaker)
        {
            return FlowStep.Go(next);
        }

        if (!speaker.TrySay(sayAs, value, language, out var prompts, out var error))
        {
            run.Note($"{Name}: cannot say '{value}' as {sayAs.ToString().ToLowerInvariant()} in {language}: {error}");
            return FlowStep.Go(next);
        }

        var played = await run.PlayAsync([.. prompts.Select(p => Prompt.Named(p))], bargeIn: false).ConfigureAwait(false);
        return played.Outcome == PlayOutcome.HungUp ? FlowStep.CallerHungUp : FlowStep.Go(next);
    }
}
