using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Acd.Tests.Support;

namespace Softswitch.Acd.Tests.Routing;

public sealed class StrategyTests
{
    private static AcdHarness Queue(AcdStrategy strategy, int agents = 3, int? seed = null)
    {
        var definitions = Enumerable.Range(1, agents).Select(i => AcdHarness.Agent($"100{i}", "q")).ToArray();
        var acd = new AcdHarness(new AcdConfiguration([new QueueDefinition("q") { Strategy = strategy }], definitions) { RandomSeed = seed });
        acd.LogIn(definitions.Select(d => d.Id).ToArray());
        return acd;
    }

    [Test]
    public void Ring_all_rings_every_free_agent_and_the_first_answer_cancels_the_others()
    {
        var acd = Queue(AcdStrategy.RingAll);
        acd.Engine.Enqueue("c1", "q");
        var offers = acd.Take();
        Assert.That(offers.Select(o => (o.Kind, o.AgentId)), Is.EquivalentTo(new[]
        {
            (AcdDecisionKind.Offer, "1001"), (AcdDecisionKind.Offer, "1002"), (AcdDecisionKind.Offer, "1003"),
        }));

        Assert.That(acd.Engine.OfferAnswered(offers[1].OfferId), Is.True);

        var cancels = acd.Take();
        Assert.That(cancels.Select(c => (c.Kind, c.AgentId)), Is.EquivalentTo(new[] { (AcdDecisionKind.CancelOffer, "1001"), (AcdDecisionKind.CancelOffer, "1003") }));
        Assert.That(acd.Engine.GetAgent("1001")!.Value.Offerable, Is.True);
        Assert.That(acd.Engine.GetAgent("1001")!.Value.ConsecutiveMisses, Is.Zero, "a cancelled ring is not a miss");
        Assert.That(acd.Engine.OfferAnswered(offers[0].OfferId), Is.False, "a late answer of a cancelled offer is refused");
    }

    [Test]
    public void Ring_all_waits_for_every_ringing_agent_before_the_caller_queues_again()
    {
        var acd = Queue(AcdStrategy.RingAll, agents: 2);
        acd.Engine.Enqueue("c1", "q");
        var offers = acd.Take();

        acd.Engine.OfferFailed(offers[0].OfferId, OfferFailure.NoAnswer);
        Assert.That(acd.Engine.GetCaller("c1")!.Value.Position, Is.Zero, "still ringing the other agent");
        acd.Engine.OfferFailed(offers[1].OfferId, OfferFailure.NoAnswer);
        Assert.That(acd.Engine.GetCaller("c1")!.Value.Position, Is.EqualTo(1));
    }

    [Test]
    public void Round_robin_offers_each_agent_in_turn_whatever_their_idle_time()
    {
        var acd = Queue(AcdStrategy.RoundRobin);
        var served = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var offer = acd.Enter($"c{i}", "q")!.Value;
            served.Add(offer.AgentId!);
            // Each call ends before the next caller: round-robin moves on whatever the idle times.
            acd.Serve(offer, talkSeconds: 1);
        }

        Assert.That(served, Is.EqualTo(new[] { "1001", "1002", "1003", "1001", "1002", "1003" }));
    }

    [Test]
    public void Fewest_calls_offers_the_agent_with_fewest_answered_calls()
    {
        var acd = Queue(AcdStrategy.FewestCalls);
        // 1001 answers two, 1002 one, 1003 none; all free again.
        acd.Serve(acd.Enter("a", "q")!.Value, 1);
        acd.Engine.Pause("1003", "lunch");
        var toFirst = acd.Enter("b", "q")!.Value;
        var toSecond = acd.Enter("c", "q")!.Value;
        Assert.That((toFirst.AgentId, toSecond.AgentId), Is.EqualTo(("1002", "1001")));
        acd.Serve(toFirst, 1);
        acd.Serve(toSecond, 1);
        acd.Engine.Unpause("1003");

        Assert.That(acd.Enter("d", "q")?.AgentId, Is.EqualTo("1003"));
        Assert.That(acd.Enter("e", "q")?.AgentId, Is.EqualTo("1002"));
        Assert.That(acd.Enter("f", "q")?.AgentId, Is.EqualTo("1001"));
    }

    [Test]
    public void Random_spreads_offers_over_every_free_agent_and_only_free_ones()
    {
        var acd = Queue(AcdStrategy.Random, agents: 4, seed: 7);
        acd.Engine.Pause("1004", "break");
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < 300; i++)
        {
            var offer = acd.Enter($"c{i}", "q")!.Value;
            counts[offer.AgentId!] = counts.GetValueOrDefault(offer.AgentId!) + 1;
            acd.Serve(offer, 1);
        }

        Assert.That(counts.Keys, Is.EquivalentTo(new[] { "1001", "1002", "1003" }));
        Assert.That(counts.Values, Has.All.GreaterThan(60), "roughly a third each");
    }
}
