using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary><c>hangup:</c> ends the call.</summary>
public sealed class HangupNode(string name, SourcePosition position) : FlowNode(name, position)
{
    public override string Kind => "hangup";

    public override IEnumerable<NodeReference> Exits => [];

    internal static HangupNode Parse(NodeSource source)
    {
        if (source.KindValue is not YamlDotNet.RepresentationModel.YamlScalarNode { Value: "" or "true" or null })
        {
            source.Reader.Error(source.KindValue, "hangup takes no value: write 'hangup:' or 'hangup: true'");
        }

        return new HangupNode(source.Name, source.Position);
    }

    internal override Task<FlowStep> RunAsync(FlowRun run) => Task.FromResult(FlowStep.End("hangup"));
}
