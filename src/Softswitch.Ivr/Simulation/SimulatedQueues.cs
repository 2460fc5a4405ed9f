using Softswitch.Channels;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Simulation;

/// <summary>
/// Takes a caller into any queue without an ACD, so a simulated call can go through a <c>queue</c> node as it goes
/// through a transfer: an agent answers at once and the caller talks 30 s.
/// </summary>
public sealed class SimulatedQueues(IFlowTrace trace, SimulationClock clock) : ICallQueues
{
    private static readonly TimeSpan TalkTime = TimeSpan.FromSeconds(30);

    public Task<QueueCallOutcome> EnterAsync(ICallChannel channel, string queue, int priority, IReadOnlyList<KeyValuePair<string, int>>? skills = null)
    {
        var needs = skills is { Count: > 0 } ? $" (skills {string.Join(", ", skills.Select(s => $"{s.Key} {s.Value}"))})" : "";
        trace.Step($"wait in queue {queue}{(priority > 0 ? $" (priority {priority})" : "")}{needs}: an agent answers (simulated), talk {TalkTime.TotalSeconds:0}s");
        clock.Advance(TalkTime);
        return Task.FromResult(QueueCallOutcome.Connected);
    }
}
