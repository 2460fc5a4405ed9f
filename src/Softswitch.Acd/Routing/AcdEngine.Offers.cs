using Softswitch.Acd.Model;

namespace Softswitch.Acd.Routing;

public sealed partial class AcdEngine
{
    /// <summary>
    /// The agent answered: the caller leaves the queue and is connected, other agents ringing for it (ring-all) are
    /// cancelled. False when the offer is no longer open (the caller left first): release the agent's leg.
    /// </summary>
    public bool OfferAnswered(long offerId)
    {
        if (!TryCloseOffer(offerId, out var offer)) return false;
        var now = NowTicks();
        var caller = offer.Caller;
        var agent = offer.Agent;
        agent.ConsecutiveMisses = 0;
        agent.CallsAnswered++;
        agent.CallQueue = caller.Queue;
        agent.TalkStartTicks = now;
        SetState(agent, AgentState.Talking);
        caller.Queue.Statistics.RecordAnswered(TimeSpan.FromTicks(now - caller.EnteredTicks));
        RemoveCaller(caller);
        CancelOffers(caller, except: offer);
        return true;
    }

    /// <summary>
    /// The offer did not connect. The agent rests (<see cref="AcdConfiguration.RestAfterMiss"/>) so the caller moves on;
    /// an unanswered offer counts toward the "missed" pause. The caller waits again in its place (or overflows if its
    /// maximum wait passed meanwhile). False when the offer is no longer open.
    /// </summary>
    public bool OfferFailed(long offerId, OfferFailure failure)
    {
        if (!TryCloseOffer(offerId, out var offer)) return false;
        var now = NowTicks();
        var caller = offer.Caller;
        var agent = offer.Agent;
        if (failure == OfferFailure.NoAnswer) agent.ConsecutiveMisses++;
        var limit = _configuration.MissesBeforePause;
        if (limit > 0 && agent.ConsecutiveMisses >= limit && !agent.PendingLogout)
        {
            SetState(agent, AgentState.Paused, AcdConfiguration.MissedPauseReason);
            agent.PendingPause = null;
            _decisions.Enqueue(new AcdDecision(AcdDecisionKind.AgentPaused, null, caller.Queue.Definition.Name, agent.Id, 0, TimeSpan.Zero,
                null, OverflowReason.None, AcdConfiguration.MissedPauseReason));
        }
        else
        {
            var rest = _configuration.RestAfterMiss.Ticks;
            if (rest > 0)
            {
                agent.RestingUntilTicks = now + rest;
                Arm(new AcdTimer(AcdTimerKind.RestEnd, null, agent, 0, now + rest));
            }

            ReleaseAgent(agent);
        }

        if (caller.Present && caller.Offers.Count == 0) Requeue(caller, now);
        return true;
    }

    /// <summary>The agent's queue call ended: wrap-up for the queue's time, then available; or at once the pause or logout asked for during the call.</summary>
    public bool CallEnded(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent) || agent.State != AgentState.Talking) return false;
        var now = NowTicks();
        var queue = agent.CallQueue!;
        var wrapUp = queue.Definition.WrapUp;
        agent.LastCallEndTicks = now;
        agent.CallQueue = null;
        queue.Statistics.RecordHandled(TimeSpan.FromTicks(now - agent.TalkStartTicks) + wrapUp);
        // A pause or logout asked for during the call applies now: the agent takes no call either way, and no pending
        // request outlives the call to meet a later pause or login.
        if (wrapUp > TimeSpan.Zero && !agent.PendingLogout && agent.PendingPause is null)
        {
            agent.WrapUpUntilTicks = now + wrapUp.Ticks;
            SetState(agent, AgentState.WrapUp);
            Arm(new AcdTimer(AcdTimerKind.WrapUpEnd, null, agent, 0, agent.WrapUpUntilTicks));
            return true;
        }

        ReleaseAgent(agent);
        return true;
    }

    /// <summary>Takes an open offer off the books: its caller and agent no longer hold it.</summary>
    private bool TryCloseOffer(long offerId, out OfferRecord offer)
    {
        if (!_offers.Remove(offerId, out offer!)) return false;
        offer.Caller.Offers.Remove(offer);
        offer.Agent.Offer = null;
        return true;
    }

    private void OfferTo(CallerRecord caller, QueueMember member)
    {
        var agent = member.Agent;
        var queue = caller.Queue;
        RemoveFromPools(agent);
        // Out of every pool now, so the round-robin key may change.
        member.LastOfferSequence = queue.NextOfferSequence++;
        SetState(agent, AgentState.Ringing);
        var offer = new OfferRecord(_nextOfferId++, caller, agent);
        agent.Offer = offer;
        caller.Offers.Add(offer);
        _offers.Add(offer.Id, offer);
        _decisions.Enqueue(new AcdDecision(AcdDecisionKind.Offer, caller.CallId, queue.Definition.Name, agent.Id, offer.Id,
            queue.Definition.RingTimeout, null, OverflowReason.None, null));
    }

    /// <summary>Cancels the caller's open offers but <paramref name="except"/>; their agents are free again, with no miss counted.</summary>
    private void CancelOffers(CallerRecord caller, OfferRecord? except)
    {
        if (caller.Offers.Count == 0) return;
        var open = caller.Offers.ToArray();
        caller.Offers.Clear();
        foreach (var offer in open)
        {
            if (offer == except) continue;
            _offers.Remove(offer.Id);
            offer.Agent.Offer = null;
            _decisions.Enqueue(new AcdDecision(AcdDecisionKind.CancelOffer, caller.CallId, caller.Queue.Definition.Name, offer.Agent.Id,
                offer.Id, TimeSpan.Zero, null, OverflowReason.None, null));
            ReleaseAgent(offer.Agent);
        }
    }

    /// <summary>After a failed offer: back in its place, unless its maximum wait passed meanwhile.</summary>
    private void Requeue(CallerRecord caller, long now)
    {
        if (!caller.Callback && caller.Queue.Definition.MaxWait is { } maxWait && now - caller.EnteredTicks >= maxWait.Ticks)
        {
            Overflow(caller, OverflowReason.MaxWait);
            return;
        }

        Place(caller);
    }

    /// <summary>An agent's call or offer is over: the pause or logout asked for meanwhile, or available.</summary>
    private void ReleaseAgent(AgentRecord agent)
    {
        if (agent.PendingLogout)
        {
            agent.PendingLogout = false;
            agent.PendingPause = null;
            SetState(agent, AgentState.LoggedOut);
        }
        else if (agent.PendingPause is { } reason)
        {
            agent.PendingPause = null;
            SetState(agent, AgentState.Paused, reason);
        }
        else
        {
            SetState(agent, AgentState.Available);
        }

        Refresh(agent);
    }

    /// <summary>A newly offerable agent takes the best head among the callers waiting in its pools (fair across its queues).</summary>
    private void MatchAgent(AgentRecord agent)
    {
        CallerRecord? best = null;
        QueueMember? bestMember = null;
        foreach (var (pool, member) in agent.Pools)
        {
            if (pool.Waiting.Count == 0) continue;
            var head = pool.Waiting.Min!;
            if (best is null || CallerOrder.Instance.Compare(head, best) < 0)
            {
                best = head;
                bestMember = member;
            }
        }

        if (best is null) return;
        StopWaiting(best);
        OfferTo(best, bestMember!);
    }
}
