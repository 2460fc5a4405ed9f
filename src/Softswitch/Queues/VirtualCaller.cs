using Softswitch.Acd.Events;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Softswitch.Acd.Routing;
using Softswitch.Channels;

namespace Softswitch.Queues;

/// <summary>
/// A caller waiting off the line for its callback: the engine's offers for it arrive in its inbox, and each is placed
/// as a call to the agent running a <see cref="CallbackApplication"/>. An agent who does not take it is a failed offer
/// (the next agent is tried, the caller keeps its place); a caller who does not answer waits again after the pause,
/// until the attempts are used up and the request is given up (it leaves the queue).
/// </summary>
internal sealed class VirtualCaller(AcdService acd, ICallOriginator originator, VirtualCallerSettings settings, TimeProvider time, ILogger logger)
{
    private int _attempts;

    public void Start(ChannelReader<AcdDecision> inbox) => _ = RunAsync(inbox);

    private async Task RunAsync(ChannelReader<AcdDecision> inbox)
    {
        try
        {
            await foreach (var decision in inbox.ReadAllAsync().ConfigureAwait(false))
            {
                if (decision.Kind == AcdDecisionKind.Overflow) return; // never made for a virtual caller; nothing to dial if it were
                if (decision is not { Kind: AcdDecisionKind.Offer, AgentId: { } agent }) continue;
                if (await CallBackAsync(decision, agent).ConfigureAwait(false)) return;
            }
        }
        catch (Exception error)
        {
            QueueCallbacksLog.CallbackFailed(logger, error, settings.CallId, settings.Queue);
            acd.Abandon(settings.CallId);
        }
    }

    /// <summary>One offer: the agent, then the caller. True when the request is done (connected or given up).</summary>
    private async Task<bool> CallBackAsync(AcdDecision offer, string agent)
    {
        var attempt = _attempts + 1;
        var application = new CallbackApplication(settings, agent, () =>
        {
            acd.OfferAnswered(settings.CallId, offer.OfferId);
            acd.NoteFeatureEvent(QueueEventKind.CallbackConnected, settings.CallId, settings.Queue, agent, settings.Number);
        }, time);
        var placed = await originator.OriginateAsync(new OriginateRequest
        {
            Destination = agent,
            Application = application,
            Requester = "queue " + settings.Queue,
            CallerId = settings.Number,
            CallerName = settings.Name,
            RingTime = offer.RingTimeout,
            Permission = "national",
            RecordFields = new Dictionary<string, string>
            {
                ["callback_for"] = settings.Number,
                ["callback_call"] = settings.CallId,
                ["callback_attempt"] = attempt.ToString(CultureInfo.InvariantCulture),
                ["queue"] = settings.Queue,
                ["agent"] = agent,
                ["queue_result"] = "callback_agent_not_reached",
            },
        }).ConfigureAwait(false);

        if (!placed.Answered)
        {
            QueueCallbacksLog.AgentNotReached(logger, settings.CallId, settings.Queue, agent, placed.Outcome.ToString());
            acd.OfferFailed(offer.OfferId, placed.Outcome == OriginateOutcome.NoAnswer ? OfferFailure.NoAnswer : OfferFailure.Busy);
            return false;
        }

        // An agent gone before the application ran never sets its outcome: the call's end says so.
        await Task.WhenAny(application.Outcome, placed.Ended).ConfigureAwait(false);
        var outcome = application.Outcome.IsCompleted ? await application.Outcome.ConfigureAwait(false) : CallbackOutcome.AgentNotReached;
        switch (outcome)
        {
            case CallbackOutcome.Connected:
                await placed.Ended.ConfigureAwait(false);
                acd.CallEnded(agent);
                QueueCallbacksLog.Connected(logger, settings.CallId, settings.Queue, agent, settings.Number);
                return true;
            case CallbackOutcome.AgentNotReached:
                acd.OfferFailed(offer.OfferId, OfferFailure.Busy);
                return false;
        }

        _attempts = attempt;
        if (_attempts >= settings.Attempts)
        {
            QueueCallbacksLog.GaveUp(logger, settings.CallId, settings.Queue, settings.Number, _attempts);
            acd.Abandon(settings.CallId);
            return true;
        }

        QueueCallbacksLog.NotAnswered(logger, settings.CallId, settings.Queue, settings.Number, _attempts, settings.RetryAfter.TotalSeconds);
        acd.CallbackNotReached(offer.OfferId, settings.RetryAfter);
        return false;
    }
}
