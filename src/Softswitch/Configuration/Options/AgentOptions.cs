namespace Softswitch.Configuration.Options;

/// <summary>One entry of <c>agents</c>: an extension that takes queue calls (docs/ACD.md). Not yet wired to calls.</summary>
public sealed class AgentOptions
{
    /// <summary>The agent's extension (defined under extensions).</summary>
    public string Extension { get; set; } = "";

    /// <summary>Skills with levels 1-100.</summary>
    public List<SkillLevelOptions> Skills { get; set; } = [];

    /// <summary>The queues served.</summary>
    public List<AgentQueueOptions> Queues { get; set; } = [];
}
