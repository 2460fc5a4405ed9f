using System.Globalization;
using System.Threading.Channels;
using Softswitch.Acd;
using Softswitch.Acd.Events;
using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Channels;
using Softswitch.Ivr;

namespace Softswitch.Queues;

/// <summary>
/// A caller in an ACD queue: music from the first second and the queue's announcements over it (a
/// <see cref="QueueAnnouncer"/> beside the wait), while the engine's decisions are acted on the moment they come. An
/// offer rings the agent's extension at once while the caller keeps hearing music and announcements; the agent
/// answering cuts the announcement and tells the engine (through <see cref="BridgeRequest.Answered"/>), the
/// conversation ending starts the agent's wrap-up, a phone that does not answer or is busy tells the engine so it
/// tries the next agent; the caller hanging up meanwhile is an abandon. A caller the queue refuses (full, or empty)
/// or sends away (maximum wait, emptied) goes to the queue's overflow destination, or is told why and hung up on.
/// The call's row gets <c>queue</c>, <c>agent</c>, <c>queue_result</c> and <c>wait_seconds</c> (and
/// <c>overflow_from</c>, <c>overflow_reason</c> and <c>overflow_to</c> when it went elsewhere).
/// </summary>
public sealed class QueueApplication(
    AcdService acd,
    string queue,
    QueueCallSettings settings,
    TimeProvider time,
    QueuePrompts prompts,
    Func<string, ICallApplication?> overflowTo,
    int priority = 0,
    QueueCallbacks? callbacks = null,
    IReadOnlyList<SkillRequirement>? skills = null) : ICallApplication
{
    public string Name => "queue " + queue;

    /// <summary>A route's caller: when the queue leaves it with nowhere to go, it hears why and the call ends.</summary>
    public Task RunAsync(ICallChannel channel) => EnterAsync(channel, tellWhy: true);

    /// <summary>The caller's time in the queue, and how it ended (the IVR's queue node goes on unless it connected, so nothing is said).</summary>
    public Task<QueueCallOutcome> RunQueueAsync(ICallChannel channel) => EnterAsync(channel, tellWhy: false);

    private async Task<QueueCallOutcome> EnterAsync(ICallChannel channel, bool tellWhy)
    {
        channel.StartMusic(settings.Music);
        channel.SetRecordField("queue", queue);
        var entered = time.GetTimestamp();
        var inbox = Channel.CreateUnbounded<AcdDecision>(new UnboundedChannelOptions { SingleReader = true });
        var joined = await acd.EnqueueAsync(channel.CallUuid, queue, inbox.Writer, priority, skills, channel.Caller).ConfigureAwait(false);
        if (joined != EnqueueResult.Queued)
        {
            var left = await LeaveAsync(channel, entered, SnakeCaseNames.Of(joined), settings.Overflow, joined == EnqueueResult.QueueFull, tellWhy).ConfigureAwait(false);
            return left == QueueCallOutcome.Overflowed ? QueueCallOutcome.NotQueued : left;
        }

        if (channel.HungUp.IsCancellationRequested)
        {
            Abandoned(channel, entered);
            return QueueCallOutcome.CallerHungUp;
        }

        var callback = callbacks?.Listen(channel, queue, entered);
        var stopAnnouncing = new CancellationTokenSource();
        var announcing = new QueueAnnouncer(acd, settings, prompts, time).RunAsync(channel, entered, stopAnnouncing.Token);
        (QueueCallOutcome Outcome, AcdDecision? Overflow) waited;
        try
        {
            waited = await WaitForAgentAsync(channel, inbox.Reader, entered, stopAnnouncing, callback).ConfigureAwait(false);
        }
        finally
        {
            await stopAnnouncing.CancelAsync().ConfigureAwait(false);
            await announcing.ConfigureAwait(false);
        }

        if (waited.Overflow is not { } overflow) return waited.Outcome;
        return await LeaveAsync(channel, entered, SnakeCaseNames.Of(overflow.Reason), overflow.Destination, full: false, tellWhy).ConfigureAwait(false);
    }

    /// <summary>Acts on the engine's decisions until the caller talked to an agent, hung up, or is sent away (the overflow decision).</summary>
    private async Task<(QueueCallOutcome Outcome, AcdDecision? Overflow)> WaitForAgentAsync(ICallChannel channel, ChannelReader<AcdDecision> inbox,
        long entered, CancellationTokenSource stopAnnouncing, CallbackListener? callback)
    {
        while (true)
        {
            AcdDecision decision;
            try
            {
                // Virtual hold: a key while waiting, and the caller hangs up keeping its place (QueueCallbacks).
                if (callback is not null && !await callback.WaitForDecisionAsync(inbox, settings.Music).ConfigureAwait(false)) return (QueueCallOutcome.CallerHungUp, null);
                decision = await inbox.ReadAsync(channel.HungUp).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Abandoned(channel, entered);
                return (QueueCallOutcome.CallerHungUp, null);
            }

            switch (decision.Kind)
            {
                case AcdDecisionKind.Offer when decision.AgentId is not null:
                    var offers = await OfferGroup.TakeAsync(decision, inbox, acd).ConfigureAwait(false);
                    if (await OfferAsync(channel, offers, entered, stopAnnouncing).ConfigureAwait(false) is { } done) return (done, null);
                    break;
                case AcdDecisionKind.Overflow:
                    return (QueueCallOutcome.Overflowed, decision);
            }
        }
    }

    /// <summary>
    /// Rings the offered agent (or, for ring-all, every agent the engine offered in one step: the first to answer takes
    /// the call), announcements going on; how the caller is done with the queue (talked to an agent, or hung up), or
    /// null to wait on.
    /// </summary>
    private async Task<QueueCallOutcome?> OfferAsync(ICallChannel channel, OfferGroup offers, long entered, CancellationTokenSource stopAnnouncing)
    {
        var answered = 0;
        var handedOn = 0;
        var taken = default(AcdDecision);
        var answeredAt = 0L;
        AcdDecision OnAnswered(string? party)
        {
            if (Interlocked.Exchange(ref answered, 1) != 0) return taken;
            taken = offers.AnsweredBy(party);
            answeredAt = time.GetTimestamp();
            _ = stopAnnouncing.CancelAsync(); // the channel already cut the prompt; this ends the announcer (off the call's loop)
            Connected(channel, taken, taken.AgentId!, entered);
            return taken;
        }

        // The agent transferred the caller on: its part (and its talk time) ends now, and its wrap-up starts.
        void OnTransferred(string target)
        {
            if (taken.AgentId is not { } agent || Interlocked.Exchange(ref handedOn, 1) != 0) return;
            channel.SetRecordField("transferred_to", target);
            acd.NoteFeatureEvent(QueueEventKind.Transfer, channel.CallUuid, queue, agent, channel.Caller, detail: target);
            acd.CallEnded(agent, channel.CallUuid, new BridgeResult(BridgeOutcome.PartyHungUp, agent, time.GetElapsedTime(answeredAt)));
        }

        var result = await channel.BridgeAsync(new BridgeRequest
        {
            Destination = offers.First.AgentId!,
            AlsoRing = offers.AlsoRing,
            RingTime = offers.First.RingTimeout,
            MusicWhileRinging = settings.Music,
            KeepApplicationAudio = true,
            Record = settings.Record,
            Answered = party => OnAnswered(party),
            Transferred = OnTransferred,
        }).ConfigureAwait(false);

        if (result.Answered)
        {
            var agent = OnAnswered(result.Party).AgentId!;
            if (Volatile.Read(ref handedOn) == 0) acd.CallEnded(agent, channel.CallUuid, result);
            var score = await QueueConversationEnd.RunAsync(channel, result, settings.Survey, overflowTo).ConfigureAwait(false);
            if (score is { } rated)
            {
                acd.NoteFeatureEvent(QueueEventKind.SurveyScore, channel.CallUuid, queue, agent, channel.Caller,
                    detail: rated.ToString(CultureInfo.InvariantCulture));
            }

            return QueueCallOutcome.Connected;
        }

        if (result.Outcome == BridgeOutcome.CallerHungUp || channel.HungUp.IsCancellationRequested)
        {
            Abandoned(channel, entered);
            return QueueCallOutcome.CallerHungUp;
        }

        // The music and announcements never stopped: the caller just waits on.
        foreach (var offer in offers.Offers) acd.OfferFailed(offer.OfferId, result.Outcome == BridgeOutcome.Busy ? OfferFailure.Busy : OfferFailure.NoAnswer);
        return null;
    }

    /// <summary>
    /// The caller leaves the queue without an agent (<paramref name="reason"/> on the row): to <paramref name="destination"/>
    /// when it is one the switch serves, else, for a route's caller, the reason said before the call ends.
    /// </summary>
    private async Task<QueueCallOutcome> LeaveAsync(ICallChannel channel, long entered, string reason, string? destination, bool full, bool tellWhy)
    {
        channel.SetRecordField("queue_result", reason);
        SetWait(channel, entered);
        if (destination is not null && overflowTo(destination) is { } next)
        {
            channel.SetRecordField("overflow_from", queue);
            channel.SetRecordField("overflow_reason", reason); // queue_result is the next queue's once it takes the caller
            channel.SetRecordField("overflow_to", destination);
            if (next is QueueApplication nextQueue) return await nextQueue.EnterAsync(channel, tellWhy).ConfigureAwait(false);
            await next.RunAsync(channel).ConfigureAwait(false);
            return channel.HungUp.IsCancellationRequested ? QueueCallOutcome.CallerHungUp : QueueCallOutcome.Connected;
        }

        if (tellWhy && !channel.HungUp.IsCancellationRequested) await channel.PlayAsync(prompts.Refusal(full), bargeIn: false).ConfigureAwait(false);
        return channel.HungUp.IsCancellationRequested ? QueueCallOutcome.CallerHungUp : QueueCallOutcome.Overflowed;
    }

    /// <summary>The agent answered: the engine hears it at once, the row names the agent and the wait until now.</summary>
    private void Connected(ICallChannel channel, AcdDecision offer, string agent, long entered)
    {
        acd.OfferAnswered(channel.CallUuid, offer.OfferId);
        channel.SetRecordField("agent", agent);
        channel.SetRecordField("queue_result", "answered");
        SetWait(channel, entered);
    }

    private void Abandoned(ICallChannel channel, long entered)
    {
        acd.Abandon(channel.CallUuid);
        channel.SetRecordField("queue_result", "abandoned");
        SetWait(channel, entered);
    }

    private void SetWait(ICallChannel channel, long entered) =>
        channel.SetRecordField("wait_seconds", ((int)time.GetElapsedTime(entered).TotalSeconds).ToString(CultureInfo.InvariantCulture));
}
