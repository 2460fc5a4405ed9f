using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Flows;

/// <summary>One step of a flow. Loaded nodes are immutable: a call keeps the version of the flow it started with.</summary>
public abstract class FlowNode(string name, SourcePosition position)
{
    /// <summary>The node's name in the flow file.</summary>
    public string Name => name;

    /// <summary>Where the node is defined.</summary>
    public SourcePosition Position => position;

    /// <summary>The kind's key in YAML (<c>menu</c>, <c>play</c>…).</summary>
    public abstract string Kind { get; }

    /// <summary>True when the node waits for the caller (keys or speech), so a loop through it cannot spin.</summary>
    public virtual bool WaitsForInput => false;

    /// <summary>Every node this one can go to.</summary>
    public abstract IEnumerable<NodeReference> Exits { get; }

    /// <summary>Every recorded prompt this node can play (the validator checks each exists).</summary>
    public virtual IEnumerable<PromptReference> Prompts => [];

    internal abstract Task<FlowStep> RunAsync(FlowRun run);

    /// <summary>The references that are set, for <see cref="Exits"/>.</summary>
    protected static IEnumerable<NodeReference> Present(params NodeReference?[] references) =>
        references.Where(r => r is not null)!;
}
