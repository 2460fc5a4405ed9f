using Softswitch.Acd.Model;

namespace Softswitch.Acd.Routing;

/// <summary>
/// The ACD's routing engine: pure logic driven by events (a caller enters or leaves, an agent logs in, pauses, is busy
/// elsewhere, an offer's result, time passing), deciding offers of callers to agents. Not thread-safe: the call side
/// drives it from one loop and takes the decisions after each event (<see cref="TryTakeDecision"/>), and calls
/// <see cref="AdvanceTime"/> at <see cref="NextDueAt"/>. Each decision costs O(log n) through the pools: the available
/// agents and the waiting callers of each distinct set of skill minimums kept sorted. See docs/ACD.md.
/// </summary>
public sealed partial class AcdEngine
{
    private readonly TimeProvider _time;
    private readonly AcdConfiguration _configuration;
    private readonly Dictionary<string, QueueRecord> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentRecord> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallerRecord> _callers = new(StringComparer.Ordinal);
    private readonly Dictionary<long, OfferRecord> _offers = [];
    private readonly Queue<AcdDecision> _decisions = new();
    private readonly Queue<AgentStateChange> _stateChanges = new();
    // By due time, then arming order: callers who entered at the same tick relax in their arrival order.
    private readonly PriorityQueue<AcdTimer, (long Due, long Order)> _timers = new();
    private long _timerOrder;
    private readonly Random _random;
    private long _sequence;
    private long _nextOfferId = 1;

    /// <summary>Builds the engine; every agent starts logged out.</summary>
    /// <exception cref="ArgumentException">Two queues or agents share a name, or an agent serves an unknown queue.</exception>
    public AcdEngine(AcdConfiguration configuration, TimeProvider timeProvider)
    {
        _configuration = configuration;
        _time = timeProvider;
        _random = configuration.RandomSeed is { } seed ? new Random(seed) : new Random();
        foreach (var queue in configuration.Queues)
        {
            var steps = queue.Relaxation.OrderBy(s => s.AfterWait).ToArray();
            if (!_queues.TryAdd(queue.Name, new QueueRecord(queue, steps, configuration.StatisticsWindow)))
            {
                throw new ArgumentException($"queue '{queue.Name}' is defined twice", nameof(configuration));
            }
        }

        for (var order = 0; order < configuration.Agents.Count; order++)
        {
            var definition = configuration.Agents[order];
            var agent = new AgentRecord(definition, order);
            if (!_agents.TryAdd(definition.Id, agent)) throw new ArgumentException($"agent '{definition.Id}' is defined twice", nameof(configuration));
            foreach (var membership in definition.Queues)
            {
                if (!_queues.TryGetValue(membership.Queue, out var queue))
                {
                    throw new ArgumentException($"agent '{definition.Id}' serves unknown queue '{membership.Queue}'", nameof(configuration));
                }

                var member = new QueueMember(agent, queue, membership.Penalty);
                agent.Memberships.Add(member);
                queue.Members.Add(member);
            }
        }

        foreach (var queue in _queues.Values) queue.DefaultLevels = LevelsFor(queue, null);
    }

    /// <summary>When <see cref="AdvanceTime"/> next has work (a relaxation step, a maximum wait, a wrap-up or rest ending); null: nothing pending.</summary>
    public DateTimeOffset? NextDueAt => _timers.TryPeek(out _, out var due) ? new DateTimeOffset(due.Due, TimeSpan.Zero) : null;

    /// <summary>Takes the oldest decision not yet taken; false when there is none.</summary>
    public bool TryTakeDecision(out AcdDecision decision) => _decisions.TryDequeue(out decision);

    /// <summary>True: every change of an agent's state is kept for <see cref="TryTakeStateChange"/> (the queue event log); off by default.</summary>
    public bool TracksStateChanges { get; set; }

    /// <summary>Takes the oldest agent state change not yet taken (only kept while <see cref="TracksStateChanges"/>).</summary>
    public bool TryTakeStateChange(out AgentStateChange change) => _stateChanges.TryDequeue(out change);

    /// <summary>The queues' names, in configuration order.</summary>
    public IEnumerable<string> QueueNames => _configuration.Queues.Select(q => q.Name);

    /// <summary>An agent's state; null for an unknown agent.</summary>
    public AgentStatus? GetAgent(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent)) return null;
        var lastEnd = agent.LastCallEndTicks == long.MinValue ? (DateTimeOffset?)null : new DateTimeOffset(agent.LastCallEndTicks, TimeSpan.Zero);
        return new AgentStatus(agent.State, agent.PauseReason, agent.InPools, agent.ConsecutiveMisses, agent.CallsAnswered, lastEnd);
    }

    /// <summary>Where a caller stands: its position, the estimated wait from live statistics; null when it is in no queue.</summary>
    public CallerStatus? GetCaller(string callId)
    {
        if (!_callers.TryGetValue(callId, out var caller)) return null;
        var queue = caller.Queue;
        var position = caller.Waiting ? queue.Ranking.PositionOf(caller.Priority, caller.Ticket) : 0;
        var waited = TimeSpan.FromTicks(NowTicks() - caller.EnteredTicks);
        return new CallerStatus(queue.Definition.Name, position, waited, queue.Statistics.EstimateWait(position, queue.ActiveMembers), caller.Level);
    }

    /// <summary>A queue's live figures and counts; null for an unknown queue.</summary>
    public QueueStatus? GetQueue(string name) =>
        _queues.TryGetValue(name, out var queue)
            ? new QueueStatus(queue.Callers.Count, queue.Ranking.Count, queue.ActiveMembers, queue.Statistics)
            : null;

    private void Arm(AcdTimer timer) => _timers.Enqueue(timer, (timer.DueTicks, _timerOrder++));

    private long NowTicks() => _time.GetUtcNow().UtcTicks;

    private static bool IsActive(AgentState state) => state is not (AgentState.LoggedOut or AgentState.Paused);
}
