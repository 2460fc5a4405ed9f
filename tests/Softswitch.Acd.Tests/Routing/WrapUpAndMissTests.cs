using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Acd.Tests.Support;

namespace Softswitch.Acd.Tests.Routing;

public sealed class WrapUpAndMissTests
{
    private static AcdHarness Sales(TimeSpan wrapUp, int missesBeforePause = 3) =>
        new(new AcdConfiguration([new QueueDefinition("sales") { WrapUp = wrapUp }],
            [AcdHarness.Agent("1001", "sales"), AcdHarness.Agent("1002", "sales")])
        {
            MissesBeforePause = missesBeforePause,
            RestAfterMiss = TimeSpan.FromSeconds(5),
        });

    [Test]
    public void No_offer_during_wrap_up_and_the_next_caller_the_moment_it_ends()
    {
        var acd = Sales(TimeSpan.FromSeconds(15));
        acd.LogIn("1001");
        acd.Serve(acd.Enter("c1", "sales")!.Value, talkSeconds: 30);
        Assert.That(acd.Engine.GetAgent("1001")!.Value.State, Is.EqualTo(AgentState.WrapUp));
        Assert.That(acd.Enter("c2", "sales"), Is.Null);
        Assert.That(acd.Engine.NextDueAt, Is.EqualTo(acd.Time.GetUtcNow().AddSeconds(15)));

        acd.Advance(14.9);
        Assert.That(acd.Take(), Is.Empty);
        acd.Advance(0.1);

        Assert.That(acd.Take().Single().CallId, Is.EqualTo("c2"));
    }

    [Test]
    public void A_pause_asked_during_a_call_applies_when_it_ends()
    {
        var acd = Sales(TimeSpan.FromSeconds(5));
        acd.LogIn("1001");
        var offer = acd.Enter("c1", "sales")!.Value;
        acd.Engine.OfferAnswered(offer.OfferId);
        Assert.That(acd.Engine.Pause("1001", "22"), Is.True);
        Assert.That(acd.Engine.GetAgent("1001")!.Value.State, Is.EqualTo(AgentState.Talking));

        acd.Engine.CallEnded("1001");

        Assert.That(acd.Engine.GetAgent("1001")!.Value, Has.Property("State").EqualTo(AgentState.Paused).And.Property("PauseReason").EqualTo("22"));
    }

    [Test]
    public void No_answer_rolls_the_caller_over_to_the_next_agent()
    {
        var acd = Sales(TimeSpan.Zero);
        acd.LogIn("1001", "1002");
        var first = acd.Enter("c1", "sales")!.Value;
        Assert.That(first.AgentId, Is.EqualTo("1001"));

        acd.Engine.OfferFailed(first.OfferId, OfferFailure.NoAnswer);

        var next = acd.Take().Single();
        Assert.That((next.CallId, next.AgentId), Is.EqualTo(("c1", "1002")));
        Assert.That(acd.Engine.GetAgent("1001")!.Value, Has.Property("State").EqualTo(AgentState.Available).And.Property("Offerable").False);
    }

    [Test]
    public void After_the_rest_the_missed_agent_is_offered_again()
    {
        var acd = Sales(TimeSpan.Zero);
        acd.LogIn("1001");
        var first = acd.Enter("c1", "sales")!.Value;
        acd.Engine.OfferFailed(first.OfferId, OfferFailure.NoAnswer);
        Assert.That(acd.Take(), Is.Empty);

        acd.Advance(5);

        Assert.That(acd.Take().Single().AgentId, Is.EqualTo("1001"));
    }

    [Test]
    public void Consecutive_no_answers_pause_the_agent_as_missed()
    {
        var acd = Sales(TimeSpan.Zero, missesBeforePause: 3);
        acd.LogIn("1001");
        for (var i = 0; i < 3; i++)
        {
            var offer = i == 0 ? acd.Enter("c1", "sales")!.Value : acd.Take().Single();
            Assert.That(acd.Engine.GetAgent("1001")!.Value.State, Is.EqualTo(AgentState.Ringing));
            acd.Engine.OfferFailed(offer.OfferId, OfferFailure.NoAnswer);
            acd.Advance(5);
        }

        acd.Take();
        var status = acd.Engine.GetAgent("1001")!.Value;
        Assert.That((status.State, status.PauseReason), Is.EqualTo((AgentState.Paused, "missed")));
        Assert.That(acd.Decisions.Count(d => d.Kind == AcdDecisionKind.AgentPaused && d.AgentId == "1001" && d.PauseReason == "missed"), Is.EqualTo(1));
        Assert.That(acd.Engine.GetCaller("c1")!.Value.Position, Is.EqualTo(1), "the caller waits for someone else");
    }

    [Test]
    public void Busy_and_reject_do_not_count_and_an_answer_clears_the_count()
    {
        var acd = Sales(TimeSpan.Zero, missesBeforePause: 2);
        acd.LogIn("1001");
        var offer = acd.Enter("c1", "sales")!.Value;
        acd.Engine.OfferFailed(offer.OfferId, OfferFailure.NoAnswer);
        foreach (var failure in new[] { OfferFailure.Busy, OfferFailure.Rejected })
        {
            acd.Advance(5);
            acd.Engine.OfferFailed(acd.Take().Single().OfferId, failure);
        }

        Assert.That(acd.Engine.GetAgent("1001")!.Value.ConsecutiveMisses, Is.EqualTo(1));
        acd.Advance(5);
        acd.Serve(acd.Take().Single(), 1);
        Assert.That(acd.Engine.GetAgent("1001")!.Value, Has.Property("ConsecutiveMisses").Zero.And.Property("State").EqualTo(AgentState.Available));
    }
}
