using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary><c>set: { name: "text with ${variables}" }</c>: sets variables in order.</summary>
public sealed class SetNode(string name, SourcePosition position, IReadOnlyList<KeyValuePair<string, string>> assignments, NodeReference? next)
    : FlowNode(name, position)
{
    public override string Kind => "set";

    public IReadOnlyList<KeyValuePair<string, string>> Assignments => assignments;

    public override IEnumerable<NodeReference> Exits => Present(next);

    internal static SetNode Parse(NodeSource source)
    {
        var assignments = new List<KeyValuePair<string, string>>();
        if (source.Reader.Mapping(source.KindValue, "set") is { } mapping)
        {
            foreach (var (variable, (key, value)) in source.Reader.Entries(mapping))
            {
                if (source.Reader.VariableName(key, "a variable") is null) continue;
                if (source.Reader.Scalar(value, variable) is { } text) assignments.Add(new(variable, text));
            }
        }

        return new SetNode(source.Name, source.Position, assignments, source.Next());
    }

    internal override Task<FlowStep> RunAsync(FlowRun run)
    {
        foreach (var (variable, template) in assignments) run.Set(variable, run.Expand(template));
        return Task.FromResult(FlowStep.Go(next));
    }
}
