using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>One step of a queue's <c>relaxation</c>: after a wait, lower skill minimums, or take any agent of the queue.</summary>
public sealed class QueueRelaxationOptions
{
    /// <summary>The caller's wait after which the step applies.</summary>
    [ConfigurationKeyName("after_seconds")]
    public int AfterSeconds { get; set; }

    /// <summary>How far each skill minimum drops (from the configured one; never below 1).</summary>
    [ConfigurationKeyName("lower_levels_by")]
    public int LowerLevelsBy { get; set; }

    /// <summary>True: any agent of the queue, whatever the skills.</summary>
    [ConfigurationKeyName("any_agent")]
    public bool AnyAgent { get; set; }
}
