namespace Softswitch.Ivr.Flows;

/// <summary>
/// A loaded flow: one YAML file, named by the file (<c>ivr-flows/main.yaml</c> is <c>main</c>). Immutable, so a call keeps
/// running the version it started with while a newer one is loaded.
/// </summary>
public sealed class Flow(
    string name,
    string file,
    string start,
    IReadOnlyList<string> languages,
    IReadOnlyList<KeyValuePair<string, string>> variables,
    IReadOnlyDictionary<string, FlowNode> nodes)
{
    public string Name => name;

    /// <summary>The file it was loaded from, as shown in problems.</summary>
    public string File => file;

    /// <summary>The node a call starts in.</summary>
    public string Start => start;

    /// <summary>The languages the flow is offered in (its <c>languages:</c> plus every <c>language</c> node's).</summary>
    public IReadOnlyList<string> Languages => languages;

    /// <summary>The flow's own variables (settings such as a lookup URL), set when a call enters the flow.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Variables => variables;

    public IReadOnlyDictionary<string, FlowNode> Nodes => nodes;

    public FlowNode StartNode => nodes[start];
}
