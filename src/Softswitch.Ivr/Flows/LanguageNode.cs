using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary><c>language: ms</c>: prompts from here on are looked up in <c>sounds/ms/</c>.</summary>
public sealed class LanguageNode(string name, SourcePosition position, string language, NodeReference? next) : FlowNode(name, position)
{
    public override string Kind => "language";

    public string Language => language;

    public override IEnumerable<NodeReference> Exits => Present(next);

    internal static LanguageNode Parse(NodeSource source) =>
        new(source.Name, source.Position, source.Reader.LanguageCode(source.KindValue, "language") ?? "en", source.Next());

    internal override Task<FlowStep> RunAsync(FlowRun run)
    {
        run.Channel.Language = language;
        run.Set(FlowVariables.Language, language);
        return Task.FromResult(FlowStep.Go(next));
    }
}
