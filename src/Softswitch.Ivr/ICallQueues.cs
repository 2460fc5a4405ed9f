using Softswitch.Channels;

namespace Softswitch.Ivr;

/// <summary>The ACD as a flow's <c>queue</c> node sees it (the host implements it): the caller waits in a queue until it ends.</summary>
public interface ICallQueues
{
    /// <summary>
    /// Runs the caller through <paramref name="queue"/> with <paramref name="priority"/>: music, offers to agents, the
    /// conversation; returns how it ended. <paramref name="skills"/> (skill name → minimum level) take the place of
    /// the queue's required skills for this caller.
    /// </summary>
    Task<QueueCallOutcome> EnterAsync(ICallChannel channel, string queue, int priority, IReadOnlyList<KeyValuePair<string, int>>? skills = null);
}
