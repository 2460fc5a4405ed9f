using Softswitch.Channels;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;
using YamlDotNet.RepresentationModel;

namespace Softswitch.Ivr.Flows;

/// <summary>
/// <c>transfer: 1001</c>: dials a number as the caller could (an extension, a ring group, any route). When nobody answers
/// the flow goes on at <c>busy</c>, <c>no_answer</c> or <c>unavailable</c> (a missing one falls back to <c>unavailable</c>,
/// then hangs up); after a conversation the other party ended, at <c>next</c>. <c>transfer: { flow: sales }</c> continues
/// in another flow's start node instead (the version live at that moment).
/// </summary>
public sealed class TransferNode(string name, SourcePosition position, TransferTarget target) : FlowNode(name, position)
{
    public override string Kind => "transfer";

    public TransferTarget Target => target;

    public override IEnumerable<NodeReference> Exits => Present(target.Busy, target.NoAnswer, target.Unavailable, target.Next);

    internal static TransferNode Parse(NodeSource source)
    {
        var reader = source.Reader;
        string? destination = null;
        NodeReference? flow = null;
        if (source.KindValue is YamlMappingNode mapping)
        {
            var entries = reader.Entries(mapping);
            foreach (var (key, (keyNode, _)) in entries)
            {
                if (key != "flow") reader.Error(keyNode, $"unknown key '{key}' in transfer (write 'transfer: NUMBER' or 'transfer: {{ flow: NAME }}')");
            }

            if (entries.TryGetValue("flow", out var flowEntry)) flow = reader.Reference(flowEntry.Value, "flow");
            else reader.Error(mapping, "transfer to a flow needs 'flow: NAME'");
        }
        else
        {
            destination = reader.Scalar(source.KindValue, "transfer");
            if (destination is "") reader.Error(source.KindValue, "transfer needs a number to dial, or { flow: NAME }");
        }

        return new TransferNode(source.Name, source.Position, new TransferTarget
        {
            Destination = destination,
            Flow = flow,
            RingTime = source.Get("ring_time") is null ? null : source.Duration("ring_time", TimeSpan.FromSeconds(30)),
            Busy = source.Next("busy"),
            NoAnswer = source.Next("no_answer"),
            Unavailable = source.Next("unavailable"),
            Next = source.Next(),
        });
    }

    internal override async Task<FlowStep> RunAsync(FlowRun run)
    {
        if (target.Flow is { } flow) return FlowStep.Jump(flow.Name);
        var destination = run.Expand(target.Destination!);
        var result = await run.Channel.BridgeAsync(new BridgeRequest { Destination = destination, RingTime = target.RingTime }, run.HungUp).ConfigureAwait(false);
        run.Note($"transfer {destination}: {Describe(result)}");
        return result.Outcome switch
        {
            BridgeOutcome.CallerHungUp => FlowStep.End($"transfer {destination}", hangUp: false),
            BridgeOutcome.PartyHungUp => target.Next is null ? FlowStep.End($"transfer {destination}") : FlowStep.Go(target.Next),
            BridgeOutcome.Busy => Fallback(target.Busy, destination, "busy"),
            BridgeOutcome.NoAnswer => Fallback(target.NoAnswer, destination, "no answer"),
            _ => Fallback(null, destination, "unavailable"),
        };
    }

    private FlowStep Fallback(NodeReference? specific, string destination, string why) =>
        (specific ?? target.Unavailable) is { } next ? FlowStep.Go(next) : FlowStep.End($"transfer {destination} failed: {why}");

    private static string Describe(BridgeResult result) => result.Outcome switch
    {
        BridgeOutcome.CallerHungUp or BridgeOutcome.PartyHungUp =>
            $"answered by {result.Party}, {(result.Outcome == BridgeOutcome.CallerHungUp ? "caller" : "party")} hung up after {result.TalkTime.TotalSeconds:0}s",
        BridgeOutcome.NoAnswer => "no answer",
        _ => result.Outcome.ToString().ToLowerInvariant(),
    };
}
