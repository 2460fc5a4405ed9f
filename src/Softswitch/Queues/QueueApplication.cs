using System.Globalization;
using System.Threading.Channels;
using Softswitch.Acd.Routing;
using Softswitch.Channels;
using Softswitch.Ivr;

namespace Softswitch.Queues;

/// <summary>
/// A caller in an ACD queue: music from the first second, its position said once, then it waits for the engine's
/// decisions. An offer rings the agent's extension (the caller keeps the music); the agent answering tells the engine
/// at once (through <see cref="BridgeRequest.Answered"/>), the conversation ending starts the agent's wrap-up, a phone
/// that does not answer or is busy tells the engine so it tries the next agent; the caller hanging up meanwhile is an
/// abandon. An overflow hands the call to the queue's overflow destination. The call's row gets <c>queue</c>,
/// <c>agent</c> and <c>wait_seconds</c>.
/// </summary>
public sealed class QueueApplication(
    AcdService acd,
    string queue,
    QueueCallSettings settings,
    TimeProvider time,
    Func<int, string, IReadOnlyList<Prompt>> positionPrompts,
    Func<string, ICallApplication?> overflowTo,
    int priority = 0) : ICallApplication
{
    public string Name => "queue " + queue;

    public Task RunAsync(ICallChannel channel) => RunQueueAsync(channel);

    /// <summary>The caller's time in the queue, and how it ended (the IVR's queue node goes on unless it connected).</summary>
    public async Task<QueueCallOutcome> RunQueueAsync(ICallChannel channel)
    {
        channel.StartMusic(settings.Music);
        channel.SetRecordField("queue", queue);
        var entered = time.GetTimestamp();
        var inbox = Channel.CreateUnbounded<AcdDecision>(new UnboundedChannelOptions { SingleReader = true });
        var joined = await acd.EnqueueAsync(channel.CallUuid, queue, inbox.Writer, priority).ConfigureAwait(false);
        if (joined != EnqueueResult.Queued)
        {
            channel.SetRecordField("queue_result", Words(joined.ToString()));
            return QueueCallOutcome.NotQueued;
        }

        if (channel.HungUp.IsCancellationRequested)
        {
            Abandoned(channel, entered);
            return QueueCallOutcome.CallerHungUp;
        }

        await AnnouncePositionAsync(channel).ConfigureAwait(false);
        while (true)
        {
            AcdDecision decision;
            try
            {
                decision = await inbox.Reader.ReadAsync(channel.HungUp).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Abandoned(channel, entered);
                return QueueCallOutcome.CallerHungUp;
            }

            switch (decision.Kind)
            {
                case AcdDecisionKind.Offer when decision.AgentId is not null:
                    if (await OfferAsync(channel, await OfferGroup.TakeAsync(decision, inbox.Reader, acd).ConfigureAwait(false), entered).ConfigureAwait(false) is { } done) return done;
                    break;
                case AcdDecisionKind.Overflow:
                    channel.SetRecordField("queue_result", "overflow");
                    SetWait(channel, entered);
                    if (decision.Destination is not { } destination || overflowTo(destination) is not { } next) return QueueCallOutcome.Overflowed;
                    await next.RunAsync(channel).ConfigureAwait(false);
                    return QueueCallOutcome.Connected;
            }
        }
    }

    /// <summary>Rings the agent; how the caller is done with the queue (talked to the agent, or hung up), or null to wait on.</summary>
    private async Task<QueueCallOutcome?> OfferAsync(ICallChannel channel, OfferGroup offers, long entered)
    {
        var answered = 0;
        var result = await channel.BridgeAsync(new BridgeRequest
        {
            Destination = offers.First.AgentId!,
            AlsoRing = offers.AlsoRing,
            RingTime = offers.First.RingTimeout,
            MusicWhileRinging = settings.Music,
            Record = settings.Record,
            Answered = party =>
            {
                var offer = offers.AnsweredBy(party);
                if (Interlocked.Exchange(ref answered, 1) == 0) Connected(channel, offer, offer.AgentId!, entered);
            },
        }).ConfigureAwait(false);

        if (result.Answered)
        {
            var offer = offers.AnsweredBy(result.Party);
            if (Interlocked.Exchange(ref answered, 1) == 0) Connected(channel, offer, offer.AgentId!, entered);
            acd.CallEnded(offer.AgentId!);
            return QueueCallOutcome.Connected;
        }

        if (result.Outcome == BridgeOutcome.CallerHungUp || channel.HungUp.IsCancellationRequested)
        {
            Abandoned(channel, entered);
            return QueueCallOutcome.CallerHungUp;
        }

        foreach (var offer in offers.Offers) acd.OfferFailed(offer.OfferId, result.Outcome == BridgeOutcome.Busy ? OfferFailure.Busy : OfferFailure.NoAnswer);
        channel.StartMusic(settings.Music);
        return null;
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

    /// <summary>"You are caller number N" once, when the caller waits (no agent free) and the prompts exist; the music goes on after it.</summary>
    private async Task AnnouncePositionAsync(ICallChannel channel)
    {
        if (await acd.GetCallerAsync(channel.CallUuid).ConfigureAwait(false) is not { Position: > 0 } status) return;
        var prompts = positionPrompts(status.Position, channel.Language);
        if (prompts.Count == 0) return;
        await channel.PlayAsync(prompts, bargeIn: false).ConfigureAwait(false);
        if (!channel.HungUp.IsCancellationRequested) channel.StartMusic(settings.Music);
    }

    private static string Words(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
