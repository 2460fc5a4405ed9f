using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary>
/// <c>queue: support</c>: hands the caller to the ACD queue (with <c>priority</c>, default 0, and <c>skills</c>: skill
/// name → minimum level 1-100 that the agent must have, instead of the queue's own, names expanded like any text, e.g. <c>"${lang}"</c>).
/// Talking to an agent ends the flow; a queue that refuses the caller, or an overflow with no destination, goes to
/// <c>next</c> (or hangs up).
/// </summary>
public sealed class QueueNode(string name, SourcePosition position, string queue, int priority, IReadOnlyList<KeyValuePair<string, int>> skills,
    NodeReference? next) : FlowNode(name, position)
{
    public override string Kind => "queue";

    public string Queue => queue;

    public int Priority => priority;

    public IReadOnlyList<KeyValuePair<string, int>> Skills => skills;

    public override bool WaitsForInput => true;

    public override IEnumerable<NodeReference> Exits => Present(next);

    internal static QueueNode Parse(NodeSource source)
    {
        var queue = source.Reader.Scalar(source.KindValue, "queue");
        if (queue is "") source.Reader.Error(source.KindValue, "queue needs a queue's name (under queues in softswitch.yaml)");
        var skills = new List<KeyValuePair<string, int>>();
        if (source.Get("skills") is { } skillsNode && source.Reader.Mapping(skillsNode, "skills") is { } mapping)
        {
            foreach (var (skill, (_, level)) in source.Reader.Entries(mapping))
            {
                if (source.Reader.Integer(level, skill, 1, 100) is { } minimum) skills.Add(new(skill, minimum));
            }
        }

        return new QueueNode(source.Name, source.Position, queue ?? "", source.Integer("priority", 0, 0, 100), skills, source.Next());
    }

    internal override async Task<FlowStep> RunAsync(FlowRun run)
    {
        var name = run.Expand(queue);
        if (run.Services.Queues is not { } queues)
        {
            run.Note($"queue {name}: no ACD here");
            return FlowStep.Go(next);
        }

        IReadOnlyList<KeyValuePair<string, int>> needs = [.. skills.Select(skill => new KeyValuePair<string, int>(run.Expand(skill.Key), skill.Value))];
        var outcome = await queues.EnterAsync(run.Channel, name, priority, needs).ConfigureAwait(false);
        run.Note($"queue {name}: {outcome}");
        return outcome switch
        {
            QueueCallOutcome.Connected => FlowStep.End($"queue {name}"),
            QueueCallOutcome.CallerHungUp => FlowStep.CallerHungUp,
            _ => FlowStep.Go(next),
        };
    }
}
