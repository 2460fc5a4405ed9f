using Softswitch.Channels;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary><c>play: welcome</c> (or a list): plays recorded prompts, barge-in on unless <c>barge_in: false</c>.</summary>
public sealed class PlayNode(string name, SourcePosition position, IReadOnlyList<PromptReference> prompts, bool bargeIn, NodeReference? next)
    : FlowNode(name, position)
{
    public override string Kind => "play";

    public bool BargeIn => bargeIn;

    public NodeReference? Next => next;

    public override IEnumerable<NodeReference> Exits => Present(next);

    public override IEnumerable<PromptReference> Prompts => prompts;

    internal static PlayNode Parse(NodeSource source) =>
        new(source.Name, source.Position, source.Reader.Prompts(source.KindValue, "play"), source.Boolean("barge_in", true), source.Next());

    internal override async Task<FlowStep> RunAsync(FlowRun run)
    {
        var played = await run.PlayAsync(prompts, bargeIn).ConfigureAwait(false);
        return played.Outcome == PlayOutcome.HungUp ? FlowStep.CallerHungUp : FlowStep.Go(next);
    }
}
