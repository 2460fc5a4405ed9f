namespace Softswitch.Acd.Model;

/// <summary>An agent: an extension, skills with levels, and the queues served with a penalty each.</summary>
public sealed record AgentDefinition(string Id)
{
    public IReadOnlyDictionary<string, int> Skills { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<AgentQueueMembership> Queues { get; init; } = [];
}
