using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Acd.Tests.Support;

namespace Softswitch.Acd.Tests.Routing;

/// <summary>Virtual hold: a caller who asked to be called back keeps its place and its eligibility while off the line.</summary>
public sealed class CallbackTests
{
    [Test]
    public void A_virtual_caller_keeps_its_place_ahead_of_callers_who_came_after_it()
    {
        var acd = new AcdHarness([new QueueDefinition("sales")], [AcdHarness.Agent("1001", "sales")]);
        acd.LogIn("1001");
        acd.Engine.Pause("1001", "1");
        acd.Enter("c1", "sales");
        acd.Advance(5);
        acd.Enter("c2", "sales");

        Assert.That(acd.Engine.RequestCallback("c1"), Is.True);
        acd.Advance(60);
        acd.Engine.Unpause("1001");

        var offer = acd.Take().Single(d => d.Kind == AcdDecisionKind.Offer);
        Assert.That((offer.CallId, offer.AgentId), Is.EqualTo(("c1", "1001")), "FIFO by the original entry time");
        Assert.That(acd.Engine.GetCaller("c2")!.Value.Position, Is.EqualTo(1));
    }

    [Test]
    public void A_virtual_caller_is_not_sent_to_the_overflow_at_the_maximum_wait()
    {
        var acd = new AcdHarness([new QueueDefinition("sales") { MaxWait = TimeSpan.FromSeconds(30), OverflowDestination = "flow:closed" }],
            [AcdHarness.Agent("1001", "sales")]);
        acd.LogIn("1001");
        acd.Engine.Pause("1001", "1");
        acd.Enter("c1", "sales");
        acd.Enter("c2", "sales");
        acd.Engine.RequestCallback("c1");

        acd.Advance(31);

        Assert.That(acd.Take().Select(d => (d.Kind, d.CallId)), Is.EqualTo(new[] { (AcdDecisionKind.Overflow, "c2") }));
        Assert.That(acd.Engine.GetCaller("c1"), Is.Not.Null, "the virtual caller still waits");
    }

    [Test]
    public void A_caller_being_offered_cannot_turn_virtual()
    {
        var acd = new AcdHarness([new QueueDefinition("sales")], [AcdHarness.Agent("1001", "sales")]);
        acd.LogIn("1001");
        Assert.That(acd.Enter("c1", "sales"), Is.Not.Null);

        Assert.That(acd.Engine.RequestCallback("c1"), Is.False);
        Assert.That(acd.Engine.RequestCallback("nobody"), Is.False);
    }

    [Test]
    public void A_callback_nobody_answered_frees_the_agent_without_a_miss_and_retries_in_the_same_place_after_the_pause()
    {
        var acd = new AcdHarness(new AcdConfiguration([new QueueDefinition("sales")],
            [AcdHarness.Agent("1001", "sales"), AcdHarness.Agent("1002", "sales")]) { MissesBeforePause = 1 });
        acd.LogIn("1001", "1002");
        acd.Engine.Pause("1001", "1");
        acd.Engine.Pause("1002", "1");
        acd.Enter("c1", "sales");
        acd.Advance(1);
        acd.Enter("c2", "sales");
        acd.Engine.RequestCallback("c1");
        acd.Engine.Unpause("1001");
        var offer = acd.Take().Single(d => d.Kind == AcdDecisionKind.Offer);
        Assert.That(offer.CallId, Is.EqualTo("c1"));

        Assert.That(acd.Engine.CallbackNotReached(offer.OfferId, TimeSpan.FromSeconds(60)), Is.True);

        var next = acd.Take().Single(d => d.Kind == AcdDecisionKind.Offer);
        Assert.That((next.CallId, next.AgentId), Is.EqualTo(("c2", "1001")), "the agent, not paused for a miss, takes the next caller");
        Assert.That(acd.Engine.OfferAnswered(next.OfferId), Is.True);
        acd.Engine.Unpause("1002");
        acd.Advance(59);
        Assert.That(acd.Take().Where(d => d.Kind == AcdDecisionKind.Offer), Is.Empty, "the virtual caller pauses before its retry");

        acd.Advance(1);

        var retry = acd.Take().Single(d => d.Kind == AcdDecisionKind.Offer);
        Assert.That((retry.CallId, retry.AgentId), Is.EqualTo(("c1", "1002")));
    }

    [Test]
    public void A_virtual_caller_that_gives_up_leaves_the_queue()
    {
        var acd = new AcdHarness([new QueueDefinition("sales")], [AcdHarness.Agent("1001", "sales")]);
        acd.LogIn("1001");
        acd.Engine.Pause("1001", "1");
        acd.Enter("c1", "sales");
        acd.Engine.RequestCallback("c1");

        Assert.That(acd.Engine.Abandon("c1"), Is.Not.Null);
        acd.Engine.Unpause("1001");
        Assert.That(acd.Take().Where(d => d.Kind == AcdDecisionKind.Offer), Is.Empty);
    }
}
