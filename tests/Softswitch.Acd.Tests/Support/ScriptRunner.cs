using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;

namespace Softswitch.Acd.Tests.Support;

/// <summary>
/// Plays a generated script of events against the engine and, after each event, checks the routing invariants
/// against its own model of what each agent may do (built from the events it sent, not from the engine's state).
/// </summary>
internal sealed class ScriptRunner
{
    private readonly AcdConfiguration _configuration = ScriptedCenter.Configuration();
    private readonly AcdHarness _acd;
    private readonly Dictionary<string, ModelAgent> _agents = ScriptedCenter.Agents.ToDictionary(a => a, _ => new ModelAgent());
    private readonly Dictionary<string, ModelCaller> _callers = [];
    private readonly Dictionary<long, (string CallId, string AgentId, string Queue)> _offers = [];
    // Events by weight: callers arrive, calls end and time passes more often than agents change their state.
    private static readonly uint[] s_operations = [0, 1, 0, 1, 2, 3, 3, 4, 5, 5, 6, 6, 7, 8, 9, 10];

    private readonly HashSet<string> _offerableBefore = [];

    // Levels only grow, and a later timer of one time step may relax a caller after its offer: judge by the level before the event.
    private readonly Dictionary<string, int> _levelBefore = [];
    private int _callerCount;

    public ScriptRunner()
    {
        _acd = new AcdHarness(_configuration);
    }

    public int OffersSeen { get; private set; }

    /// <summary>Each event and decision, when a failing script is replayed by hand.</summary>
    public TextWriter? Trace { get; init; }

    /// <summary>Logs every agent in (so scripts offer from the start), then plays the script as (event, argument) pairs.</summary>
    public void Run(int[] script)
    {
        for (var agent = 0; agent < ScriptedCenter.Agents.Length; agent++) Step(7, (uint)agent);
        for (var i = 0; i + 1 < script.Length; i += 2)
        {
            var operation = s_operations[(uint)script[i] % s_operations.Length];
            Trace?.WriteLine($"{Now:HH:mm:ss} event {operation} arg {(uint)script[i + 1]}");
            Step(operation, (uint)script[i + 1]);
            CheckAfterStep();
        }
    }

    private DateTimeOffset Now => _acd.Time.GetUtcNow();

    private void Step(uint operation, uint argument)
    {
        var engine = _acd.Engine;
        var agentId = ScriptedCenter.Agents[argument % ScriptedCenter.Agents.Length];
        var agent = _agents[agentId];
        _offerableBefore.Clear();
        _offerableBefore.UnionWith(ScriptedCenter.Agents.Where(a => engine.GetAgent(a) is { Offerable: true }));
        _levelBefore.Clear();
        foreach (var callId in _callers.Keys) _levelBefore[callId] = engine.GetCaller(callId)!.Value.RelaxationLevel;
        switch (operation)
        {
            case 0 or 1:
                var callId = $"c{_callerCount++}";
                var queue = ScriptedCenter.Queues[argument % 3];
                var priority = (int)(argument / 3 % 3) == 2 ? 1 : 0;
                Expect(engine.Enqueue(callId, queue, priority) == EnqueueResult.Queued, "enqueue refused");
                _callers.Add(callId, new ModelCaller(queue, priority, _callerCount, Now));
                break;
            case 2 when _callers.Count > 0:
                var leaving = _callers.Keys.ElementAt((int)(argument % _callers.Count));
                Expect(engine.Abandon(leaving) is not null, "abandon of a present caller");
                _callers.Remove(leaving);
                break;
            case 3 when _offers.Count > 0:
                var (answeredId, answered) = _offers.ElementAt((int)(argument % _offers.Count));
                Expect(engine.OfferAnswered(answeredId), "answer of an open offer refused");
                _offers.Remove(answeredId);
                _agents[answered.AgentId].OpenOffers--;
                _agents[answered.AgentId].TalkingIn = answered.Queue;
                _callers.Remove(answered.CallId);
                break;
            case 4 when _offers.Count > 0:
                var (failedId, failed) = _offers.ElementAt((int)(argument % _offers.Count));
                Expect(engine.OfferFailed(failedId, (OfferFailure)(argument / 7 % 3)), "failure of an open offer refused");
                _offers.Remove(failedId);
                _agents[failed.AgentId].OpenOffers--;
                _agents[failed.AgentId].RestUntil = Now + ScriptedCenter.Rest;
                break;
            case 5 when _agents.Values.Any(a => a.TalkingIn is not null):
                var talking = _agents.Where(a => a.Value.TalkingIn is not null).ToList();
                (agentId, agent) = talking[(int)(argument % talking.Count)];
                var talkingIn = agent.TalkingIn!;
                Expect(engine.CallEnded(agentId), "end of a queue call refused");
                agent.TalkingIn = null;
                // A pause or logout asked for during the call takes the place of the wrap-up.
                agent.WrapUntil = agent.Paused || !agent.LoggedIn ? DateTimeOffset.MinValue : Now + _configuration.Queues.Single(q => q.Name == talkingIn).WrapUp;
                break;
            case 6:
                _acd.Advance(argument % 40);
                break;
            case 7:
                if (engine.LogIn(agentId))
                {
                    agent.LoggedIn = true;
                    agent.Paused = false;
                }
                else if (engine.LogOut(agentId))
                {
                    agent.LoggedIn = false;
                    if (!agent.Engaged) agent.WrapUntil = DateTimeOffset.MinValue;
                }

                break;
            case 8:
                if (engine.Unpause(agentId))
                {
                    agent.Paused = false;
                }
                else if (engine.Pause(agentId, "7"))
                {
                    agent.Paused = true;
                    if (!agent.Engaged) agent.WrapUntil = DateTimeOffset.MinValue;
                }

                break;
            case 9:
                agent.Registered = !agent.Registered;
                engine.SetRegistered(agentId, agent.Registered);
                break;
            case 10:
                agent.OnOtherCall = !agent.OnOtherCall;
                engine.SetOnOtherCall(agentId, agent.OnOtherCall);
                break;
        }

        foreach (var decision in _acd.Take()) Apply(decision);
    }

    private void Apply(AcdDecision decision)
    {
        Trace?.WriteLine($"  {decision.Kind} {decision.CallId} {decision.Queue} {decision.AgentId} #{decision.OfferId} {decision.Reason}");
        switch (decision.Kind)
        {
            case AcdDecisionKind.Offer:
                OffersSeen++;
                var agent = _agents[decision.AgentId!];
                Expect(!agent.Engaged, $"agent {decision.AgentId} offered {decision.CallId} while on another offer or call");
                Expect(agent.LoggedIn && !agent.Paused && agent.Registered && !agent.OnOtherCall, $"agent {decision.AgentId} offered while not available ({agent})");
                Expect(Now >= agent.WrapUntil && Now >= agent.RestUntil, $"agent {decision.AgentId} offered during wrap-up (to {agent.WrapUntil:HH:mm:ss.f}) or rest (to {agent.RestUntil:HH:mm:ss.f}) at {Now:HH:mm:ss.f}");
                Expect(_callers.ContainsKey(decision.CallId!), $"offer for {decision.CallId}, who is not in a queue");
                agent.OpenOffers++;
                _offers.Add(decision.OfferId, (decision.CallId!, decision.AgentId!, decision.Queue));
                CheckServedInOrder(decision);
                break;
            case AcdDecisionKind.CancelOffer:
                Expect(_offers.Remove(decision.OfferId), "cancel of an offer that is not open");
                _agents[decision.AgentId!].OpenOffers--;
                break;
            case AcdDecisionKind.Overflow:
                var caller = _callers[decision.CallId!];
                Expect(decision.Reason == OverflowReason.MaxWait && Now - caller.Entered >= ScriptedCenter.MaxWait, "overflow before the maximum wait");
                _callers.Remove(decision.CallId!);
                break;
            case AcdDecisionKind.AgentPaused:
                // A pause replaces the rest: an unpaused agent takes calls at once.
                _agents[decision.AgentId!].Paused = true;
                _agents[decision.AgentId!].RestUntil = DateTimeOffset.MinValue;
                break;
        }
    }

    /// <summary>FIFO within a priority, priority first, longest idle first: nobody still waiting should have come before this offer.</summary>
    private void CheckServedInOrder(AcdDecision offer)
    {
        var offered = _callers[offer.CallId!];
        foreach (var (callId, other) in _callers)
        {
            var status = _acd.Engine.GetCaller(callId);
            if (other.Queue != offered.Queue || status is not { Position: > 0 } waiting) continue;
            var ahead = other.Priority > offered.Priority || (other.Priority == offered.Priority && other.Number < offered.Number);
            Expect(!ahead || !ScriptedCenter.Qualifies(_configuration, offer.AgentId!, other.Queue, _levelBefore.GetValueOrDefault(callId)),
                $"{offer.CallId} offered to {offer.AgentId} while {callId}, ahead of it, waited for that agent");
        }

        if (_configuration.Queues.Single(q => q.Name == offered.Queue).Strategy != AcdStrategy.LongestIdle) return;
        var level = _levelBefore.GetValueOrDefault(offer.CallId!);
        var chosen = IdleKey(offer.AgentId!);
        foreach (var other in ScriptedCenter.Agents)
        {
            // An agent freed later in the same event (a later timer of one time step) was not there to choose.
            if (other == offer.AgentId || !_offerableBefore.Contains(other) || _acd.Engine.GetAgent(other) is not { Offerable: true }) continue;
            if (!ScriptedCenter.Qualifies(_configuration, other, offered.Queue, level)) continue;
            Expect(IdleKey(other).CompareTo(chosen) > 0, $"{offer.AgentId} offered {offer.CallId} though {other} was idle longer");
        }
    }

    private (DateTimeOffset, int) IdleKey(string agentId) =>
        (_acd.Engine.GetAgent(agentId)!.Value.LastCallEnded ?? DateTimeOffset.MinValue, Array.IndexOf(ScriptedCenter.Agents, agentId));

    /// <summary>No starvation: no caller waits while an agent who qualifies for it is free; the engine's "offerable" agrees with the model.</summary>
    private void CheckAfterStep()
    {
        foreach (var agentId in ScriptedCenter.Agents)
        {
            var agent = _agents[agentId];
            var status = _acd.Engine.GetAgent(agentId)!.Value;
            if (!status.Offerable) continue;
            Expect(!agent.Engaged && agent.LoggedIn && !agent.Paused && agent.Registered && !agent.OnOtherCall && Now >= agent.WrapUntil && Now >= agent.RestUntil,
                $"agent {agentId} is offerable ({status.State}) though it should not be ({agent}, wrap-up to {agent.WrapUntil:HH:mm:ss.f}, rest to {agent.RestUntil:HH:mm:ss.f}, now {Now:HH:mm:ss.f})");
            foreach (var (callId, caller) in _callers)
            {
                if (_acd.Engine.GetCaller(callId) is not { Position: > 0 } waiting) continue;
                Expect(!ScriptedCenter.Qualifies(_configuration, agentId, caller.Queue, waiting.RelaxationLevel),
                    $"{callId} waits in {caller.Queue} (level {waiting.RelaxationLevel}) while {agentId} is free for it");
            }
        }

        Expect(_callers.Keys.All(c => _acd.Engine.GetCaller(c) is not null), "a caller vanished from its queue");
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition) throw new PropertyViolation(message);
    }

    private sealed class ModelAgent
    {
        public override string ToString() =>
            $"logged in {LoggedIn}, paused {Paused}, registered {Registered}, other call {OnOtherCall}, offers {OpenOffers}, talking {TalkingIn}";

        public bool LoggedIn { get; set; }

        public bool Paused { get; set; }

        public bool Registered { get; set; } = true;

        public bool OnOtherCall { get; set; }

        public int OpenOffers { get; set; }

        public string? TalkingIn { get; set; }

        public bool Engaged => OpenOffers > 0 || TalkingIn is not null;

        public DateTimeOffset WrapUntil { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset RestUntil { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed record ModelCaller(string Queue, int Priority, int Number, DateTimeOffset Entered);
}
