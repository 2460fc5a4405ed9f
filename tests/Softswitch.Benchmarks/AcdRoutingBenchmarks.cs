using BenchmarkDotNet.Attributes;
using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;

namespace Softswitch.Benchmarks;

/// <summary>
/// Issue 11: one routing decision with 10,000 agents and 50,000 waiting callers. Ten queues, each needing a language
/// (en/ms/id) and a product level, relaxed after 30 s and open to any member after 60 s; every agent serves two
/// queues with random skill levels. 50,000 callers wait; the agents who qualify for none of them at their current
/// level stay idle (until relaxation opens the queues to any member). One operation: the call of the agent who has
/// talked longest ends, the engine picks the best waiting caller across that agent's pools and offers it, the agent
/// answers, and a new caller enters, so the queue stays at 50,000; the clock moves 1 ms, firing the relaxations due.
/// </summary>
[MemoryDiagnoser]
public class AcdRoutingBenchmarks
{
    private const int Agents = 10_000;
    private const int Waiting = 50_000;
    private const int Queues = 10;
    private static readonly string[] s_languages = ["en", "ms", "id"];

    private readonly ManualTime _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private AcdEngine _engine = null!;
    private string[] _agentIds = null!;
    private string[] _callIds = null!;
    private readonly string[] _queueNames = Enumerable.Range(0, Queues).Select(q => $"q{q}").ToArray();
    private readonly Queue<string> _talking = new();
    private int _nextCaller;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var queues = Enumerable.Range(0, Queues).Select(q => new QueueDefinition($"q{q}")
        {
            RequiredSkills = [new SkillRequirement(s_languages[q % 3], 40), new SkillRequirement("product", 30)],
            Relaxation = [new RelaxationStep(TimeSpan.FromSeconds(30), 30), new RelaxationStep(TimeSpan.FromSeconds(60), 0, AnyAgent: true)],
        }).ToArray();
        var agents = Enumerable.Range(0, Agents).Select(a => new AgentDefinition($"a{a}")
        {
            Skills = new Dictionary<string, int>
            {
                [s_languages[a % 3]] = random.Next(1, 101),
                [s_languages[(a + 1) % 3]] = random.Next(1, 101),
                ["product"] = random.Next(1, 101),
            },
            Queues = [new AgentQueueMembership($"q{a % Queues}"), new AgentQueueMembership($"q{(a / Queues + a + 1) % Queues}", Penalty: 1)],
        }).ToArray();
        _engine = new AcdEngine(new AcdConfiguration(queues, agents) { MissesBeforePause = 0 }, _time);
        _agentIds = agents.Select(a => a.Id).ToArray();
        // Enough distinct call ids that a recycled one has long left its queue.
        _callIds = Enumerable.Range(0, 4 * (Agents + Waiting)).Select(c => $"call-{c}").ToArray();

        foreach (var id in _agentIds) _engine.LogIn(id);
        // Callers until every agent talks and 50,000 wait.
        while (_engine.QueueNames.Sum(q => _engine.GetQueue(q)!.Value.Waiting) < Waiting)
        {
            Enter();
        }

        var idle = _agentIds.Count(a => _engine.GetAgent(a)!.Value.Offerable);
        Console.WriteLine($"// setup: {_talking.Count} agents talking, {idle} idle, {_engine.QueueNames.Sum(q => _engine.GetQueue(q)!.Value.Waiting)} callers waiting");
    }

    [Benchmark]
    public int AgentFreedTakesTheNextCaller()
    {
        _time.Advance(TimeSpan.FromMilliseconds(1));
        _engine.AdvanceTime();
        _engine.CallEnded(_talking.Dequeue());
        var answered = AnswerOffers();
        Enter();
        return answered;
    }

    private void Enter()
    {
        var callId = _callIds[_nextCaller];
        _nextCaller = (_nextCaller + 1) % _callIds.Length;
        _engine.Enqueue(callId, _queueNames[_nextCaller % Queues], priority: _nextCaller % 7 == 0 ? 1 : 0);
        AnswerOffers();
    }

    private int AnswerOffers()
    {
        var answered = 0;
        while (_engine.TryTakeDecision(out var decision))
        {
            if (decision.Kind == AcdDecisionKind.Offer && _engine.OfferAnswered(decision.OfferId))
            {
                _talking.Enqueue(decision.AgentId!);
                answered++;
            }
        }

        return answered;
    }
}
