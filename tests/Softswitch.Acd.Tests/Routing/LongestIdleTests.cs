using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Acd.Tests.Support;

namespace Softswitch.Acd.Tests.Routing;

public sealed class LongestIdleTests
{
    private static AcdHarness ThreeAgents() =>
        new([new QueueDefinition("sales")], [AcdHarness.Agent("1001", "sales"), AcdHarness.Agent("1002", "sales"), AcdHarness.Agent("1003", "sales")]);

    [Test]
    public void Agents_who_never_took_a_call_are_offered_in_configuration_order()
    {
        var acd = ThreeAgents();
        acd.LogIn("1003", "1002", "1001");

        Assert.That(acd.Enter("c1", "sales")?.AgentId, Is.EqualTo("1001"));
        Assert.That(acd.Enter("c2", "sales")?.AgentId, Is.EqualTo("1002"));
        Assert.That(acd.Enter("c3", "sales")?.AgentId, Is.EqualTo("1003"));
    }

    [Test]
    public void The_agent_whose_last_call_ended_earliest_rings_first()
    {
        var acd = ThreeAgents();
        acd.LogIn("1001", "1002", "1003");
        var first = acd.Enter("c1", "sales")!.Value;
        var second = acd.Enter("c2", "sales")!.Value;
        var third = acd.Enter("c3", "sales")!.Value;
        // Calls end in the order 1003, 1001, 1002.
        Assert.That(acd.Engine.OfferAnswered(first.OfferId) && acd.Engine.OfferAnswered(second.OfferId) && acd.Engine.OfferAnswered(third.OfferId));
        acd.Advance(10);
        acd.Engine.CallEnded("1003");
        acd.Advance(10);
        acd.Engine.CallEnded("1001");
        acd.Advance(10);
        acd.Engine.CallEnded("1002");

        Assert.That(acd.Enter("c4", "sales")?.AgentId, Is.EqualTo("1003"));
        Assert.That(acd.Enter("c5", "sales")?.AgentId, Is.EqualTo("1001"));
        Assert.That(acd.Enter("c6", "sales")?.AgentId, Is.EqualTo("1002"));
    }

    [Test]
    public void A_waiting_caller_goes_to_the_agent_who_becomes_free()
    {
        var acd = ThreeAgents();
        acd.LogIn("1002");
        var busy = acd.Enter("c1", "sales")!.Value;
        Assert.That(acd.Engine.OfferAnswered(busy.OfferId));

        Assert.That(acd.Enter("c2", "sales"), Is.Null);
        Assert.That(acd.Engine.GetCaller("c2")!.Value.Position, Is.EqualTo(1));
        acd.Engine.CallEnded("1002");

        var offer = acd.Take().Single();
        Assert.That((offer.Kind, offer.CallId, offer.AgentId), Is.EqualTo((AcdDecisionKind.Offer, "c2", "1002")));
    }

    [Test]
    public void An_agent_on_another_call_or_unregistered_is_skipped()
    {
        var acd = ThreeAgents();
        acd.LogIn("1001", "1002", "1003");
        acd.Engine.SetOnOtherCall("1001", true);
        acd.Engine.SetRegistered("1002", false);

        Assert.That(acd.Enter("c1", "sales")?.AgentId, Is.EqualTo("1003"));
        Assert.That(acd.Enter("c2", "sales"), Is.Null);

        acd.Advance(5);
        acd.Engine.SetOnOtherCall("1001", false);
        Assert.That(acd.Take().Single().AgentId, Is.EqualTo("1001"));
        Assert.That(acd.Engine.GetAgent("1001")!.Value.LastCallEnded, Is.EqualTo(acd.Time.GetUtcNow()), "a direct call's end counts as the last call");
    }

    [Test]
    public void A_lower_penalty_tier_is_offered_before_a_longer_idle_agent_of_a_higher_tier()
    {
        var agents = new[]
        {
            new AgentDefinition("1001") { Queues = [new AgentQueueMembership("sales", Penalty: 1)] },
            new AgentDefinition("1002") { Queues = [new AgentQueueMembership("sales", Penalty: 0)] },
        };
        var acd = new AcdHarness([new QueueDefinition("sales")], agents);
        acd.LogIn("1001", "1002");

        Assert.That(acd.Enter("c1", "sales")?.AgentId, Is.EqualTo("1002"));
        Assert.That(acd.Enter("c2", "sales")?.AgentId, Is.EqualTo("1001"));
    }
}
