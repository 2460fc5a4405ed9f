using Softswitch.Channels;

namespace Softswitch.Ivr.Tests.Support;

/// <summary>An ACD that ends every caller's time in a queue with <paramref name="outcome"/>, and remembers who entered where.</summary>
public sealed class ScriptedQueues(QueueCallOutcome outcome) : ICallQueues
{
    public List<(string Queue, int Priority)> Entered { get; } = [];

    /// <summary>The skills each caller brought, in the order they entered.</summary>
    public List<IReadOnlyList<KeyValuePair<string, int>>> Skills { get; } = [];

    public Task<QueueCallOutcome> EnterAsync(ICallChannel channel, string queue, int priority, IReadOnlyList<KeyValuePair<string, int>>? skills = null)
    {
        Entered.Add((queue, priority));
        Skills.Add(skills ?? []);
        return Task.FromResult(outcome);
    }
}
