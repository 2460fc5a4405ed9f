namespace Softswitch.Configuration.Options;

/// <summary>A queue an agent serves, with a penalty (tier): agents with a lower one are offered first.</summary>
public sealed class AgentQueueOptions
{
    public string Name { get; set; } = "";

    public int Penalty { get; set; }
}
