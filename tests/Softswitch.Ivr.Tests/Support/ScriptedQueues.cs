using Softswitch.Channels;

namespace Softswitch.Ivr.Tests.Support;

/// <summary>An ACD that ends every caller's time in a queue with <paramref name="outcome"/>, and remembers who entered where.</summary>
public sealed class ScriptedQueues(QueueCallOutcome outcome) : ICallQueues
{
    public List<(string Queue, int Priority)> Entered { get; } = [];

    public Task<QueueCallOutcome> EnterAsync(ICallChannel channel, string queue, int priority)
    {
        Entered.Add((queue, priority));
        return Task.FromResult(outcome);
    }
}
