using Softswitch.Acd.Model;

namespace Softswitch.Acd.Routing;

public sealed partial class AcdEngine
{
    /// <summary>
    /// A caller enters <paramref name="queue"/>. It is offered at once when a qualifying agent is free (the offer is among
    /// the decisions), otherwise it waits. <paramref name="skills"/> replaces the queue's required skills for this caller
    /// (the IVR's queue node); higher <paramref name="priority"/> is served first.
    /// </summary>
    public EnqueueResult Enqueue(string callId, string queue, int priority = 0, IReadOnlyList<SkillRequirement>? skills = null)
    {
        if (!_queues.TryGetValue(queue, out var record)) return EnqueueResult.UnknownQueue;
        if (_callers.ContainsKey(callId)) return EnqueueResult.AlreadyQueued;
        var definition = record.Definition;
        if (definition.MaxLength > 0 && record.Callers.Count >= definition.MaxLength) return EnqueueResult.QueueFull;
        if (!definition.JoinWhenEmpty && record.ActiveMembers == 0) return EnqueueResult.QueueEmpty;

        var now = NowTicks();
        var caller = new CallerRecord(callId, record, LevelsFor(record, skills), priority, now, _sequence++, record.NextTicket++);
        _callers.Add(callId, caller);
        record.Callers.Add(caller);
        record.Statistics.RecordEntered();
        if (record.Relaxation.Length > 0) ArmRelaxation(caller);
        if (definition.MaxWait is { } maxWait) Arm(new AcdTimer(AcdTimerKind.MaxWait, caller, null, 0, now + maxWait.Ticks));
        Place(caller);
        return EnqueueResult.Queued;
    }

    /// <summary>
    /// The caller left (hung up, or went elsewhere): it leaves the queue and any agent ringing for it is cancelled.
    /// Returns where it stood, for the abandon record; null when it was in no queue.
    /// </summary>
    public CallerExit? Abandon(string callId)
    {
        if (!_callers.TryGetValue(callId, out var caller)) return null;
        var queue = caller.Queue;
        var position = caller.Waiting ? queue.Ranking.PositionOf(caller.Priority, caller.Ticket) : 0;
        var waited = TimeSpan.FromTicks(NowTicks() - caller.EnteredTicks);
        queue.Statistics.RecordAbandoned();
        RemoveCaller(caller);
        CancelOffers(caller, except: null);
        return new CallerExit(queue.Definition.Name, position, waited);
    }

    /// <summary>Offers the caller to the best available agent of its current pool, or lets it wait there.</summary>
    private void Place(CallerRecord caller)
    {
        var pool = caller.Pool;
        if (pool.AvailableCount == 0)
        {
            caller.Waiting = true;
            pool.Waiting.Add(caller);
            caller.Queue.Ranking.Add(caller.Priority, caller.Ticket);
            return;
        }

        if (caller.Queue.Definition.Strategy == AcdStrategy.RingAll)
        {
            foreach (var member in pool.AvailableSnapshot()) OfferTo(caller, member);
        }
        else
        {
            OfferTo(caller, pool.BestAvailable(_random));
        }
    }

    private static void StopWaiting(CallerRecord caller)
    {
        if (!caller.Waiting) return;
        caller.Waiting = false;
        caller.Pool.Waiting.Remove(caller);
        caller.Queue.Ranking.Remove(caller.Priority, caller.Ticket);
    }

    /// <summary>The caller is no longer in its queue (connected, abandoned or overflowed); its timers go stale.</summary>
    private void RemoveCaller(CallerRecord caller)
    {
        StopWaiting(caller);
        caller.Present = false;
        _callers.Remove(caller.CallId);
        caller.Queue.Callers.Remove(caller);
    }

    private void Overflow(CallerRecord caller, OverflowReason reason)
    {
        var queue = caller.Queue;
        queue.Statistics.RecordOverflowed();
        RemoveCaller(caller);
        _decisions.Enqueue(new AcdDecision(AcdDecisionKind.Overflow, caller.CallId, queue.Definition.Name, null, 0, TimeSpan.Zero,
            queue.Definition.OverflowDestination, reason, null));
    }

    /// <summary>The last active agent left a leave-when-empty queue: its waiting callers go to the overflow.</summary>
    private void EmptyQueue(QueueRecord queue)
    {
        if (queue.Callers.Count == 0) return;
        foreach (var caller in queue.Callers.Where(c => c.Waiting && !c.Callback).OrderBy(c => c, CallerOrder.Instance).ToList())
        {
            Overflow(caller, OverflowReason.QueueEmpty);
        }
    }

    private void ArmRelaxation(CallerRecord caller)
    {
        var steps = caller.Queue.Relaxation;
        if (caller.Level >= steps.Length) return;
        var due = caller.EnteredTicks + steps[caller.Level].AfterWait.Ticks;
        Arm(new AcdTimer(AcdTimerKind.Relax, caller, null, caller.Level + 1, due));
    }
}
