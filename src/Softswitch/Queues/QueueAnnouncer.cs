using Softswitch.Channels;

namespace Softswitch.Queues;

/// <summary>
/// What one waiting caller hears over the queue's music: after the delay its position and estimated wait (read live
/// from the engine each time), again every so often, and the periodic message on its own interval, the music back
/// after each. It runs beside the caller's wait for an agent, never in its way: an offer rings while it talks, and
/// the answer cuts it (the channel stops the prompt; the queue then stops this loop).
/// </summary>
internal sealed class QueueAnnouncer(AcdService acd, QueueCallSettings settings, QueuePrompts prompts, TimeProvider time)
{
    /// <summary>When nothing could be said (the caller was ringing an agent), how soon to try again.</summary>
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Announces, counting from <paramref name="start"/> (the caller's entry, a <see cref="TimeProvider"/> timestamp),
    /// until <paramref name="stop"/> (the caller left the wait) or the caller hangs up; never throws for either.
    /// </summary>
    public async Task RunAsync(ICallChannel channel, long start, CancellationToken stop)
    {
        var announce = settings.Announcements;
        TimeSpan? statusDue = announce.Position || announce.EstimatedWait ? announce.Delay : null;
        TimeSpan? messageDue = announce.PeriodicMessage is null ? null : announce.Delay + announce.PeriodicEvery;
        try
        {
            while (Earliest(statusDue, messageDue) is { } due)
            {
                var wait = due - time.GetElapsedTime(start);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stop).ConfigureAwait(false);
                stop.ThrowIfCancellationRequested();
                if (due == statusDue)
                {
                    if (await acd.GetCallerAsync(channel.CallUuid).ConfigureAwait(false) is not { } status) return; // it left the queue
                    var said = await SayAsync(channel, prompts.Status(status, announce, channel.Language), stop).ConfigureAwait(false);
                    var now = time.GetElapsedTime(start);
                    statusDue = !said && status.Position == 0 ? now + Retry : announce.Every is { } every ? now + every : null;
                }
                else
                {
                    await SayAsync(channel, prompts.Message(announce.PeriodicMessage!, channel.Language), stop).ConfigureAwait(false);
                    messageDue = time.GetElapsedTime(start) + announce.PeriodicEvery;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested || channel.HungUp.IsCancellationRequested)
        {
            // The caller left the wait (an agent answered, an overflow) or hung up.
        }
    }

    /// <summary>Plays <paramref name="saying"/> and the music again after it; false when there was nothing to say.</summary>
    private async Task<bool> SayAsync(ICallChannel channel, IReadOnlyList<Prompt> saying, CancellationToken stop)
    {
        if (saying.Count == 0) return false;
        var played = await channel.PlayAsync(saying, bargeIn: false, stop).ConfigureAwait(false);
        stop.ThrowIfCancellationRequested();
        if (played.Outcome == PlayOutcome.HungUp) throw new OperationCanceledException(channel.HungUp);
        channel.StartMusic(settings.Music);
        return true;
    }

    private static TimeSpan? Earliest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
