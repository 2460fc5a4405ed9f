using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Acd.Tests.Support;

namespace Softswitch.Acd.Tests.Routing;

public sealed class OverflowTests
{
    [Test]
    public void A_caller_leaves_to_the_overflow_destination_at_the_maximum_wait_and_not_before()
    {
        var acd = new AcdHarness([new QueueDefinition("sales") { MaxWait = TimeSpan.FromSeconds(90), OverflowDestination = "voicemail:1005" }],
            [AcdHarness.Agent("1001", "sales")]);
        acd.LogIn("1001");
        acd.Engine.Pause("1001", "1");
        acd.Enter("c1", "sales");
        acd.Advance(30);
        acd.Enter("c2", "sales");

        acd.Advance(59.9);
        Assert.That(acd.Take(), Is.Empty);
        acd.Advance(0.1);

        var overflow = acd.Take().Single();
        Assert.That((overflow.Kind, overflow.CallId, overflow.Destination, overflow.Reason),
            Is.EqualTo((AcdDecisionKind.Overflow, "c1", "voicemail:1005", OverflowReason.MaxWait)));
        Assert.That(acd.Engine.GetCaller("c1"), Is.Null);
        Assert.That(acd.Engine.GetCaller("c2")!.Value.Position, Is.EqualTo(1));
    }

    [Test]
    public void A_caller_whose_offer_fails_after_the_maximum_wait_overflows_instead_of_waiting_again()
    {
        var acd = new AcdHarness([new QueueDefinition("sales") { MaxWait = TimeSpan.FromSeconds(20), OverflowDestination = "queue:support" }],
            [AcdHarness.Agent("1001", "sales")]);
        acd.LogIn("1001");
        var offer = acd.Enter("c1", "sales")!.Value;
        acd.Advance(25);
        Assert.That(acd.Take(), Is.Empty, "an offer in progress is not cut");

        acd.Engine.OfferFailed(offer.OfferId, OfferFailure.NoAnswer);

        Assert.That(acd.Take().Single(), Has.Property("Kind").EqualTo(AcdDecisionKind.Overflow).And.Property("Destination").EqualTo("queue:support"));
    }

    [Test]
    public void Join_when_empty_off_refuses_callers_while_no_agent_is_logged_in_and_unpaused()
    {
        var acd = new AcdHarness([new QueueDefinition("sales") { JoinWhenEmpty = false }], [AcdHarness.Agent("1001", "sales")]);
        Assert.That(acd.Engine.Enqueue("c1", "sales"), Is.EqualTo(EnqueueResult.QueueEmpty));
        acd.LogIn("1001");
        acd.Engine.Pause("1001", "1");
        Assert.That(acd.Engine.Enqueue("c1", "sales"), Is.EqualTo(EnqueueResult.QueueEmpty));
        acd.Engine.Unpause("1001");
        Assert.That(acd.Engine.Enqueue("c1", "sales"), Is.EqualTo(EnqueueResult.Queued));
    }

    [Test]
    public void Leave_when_empty_sends_the_waiting_callers_away_when_the_last_agent_logs_out()
    {
        var acd = new AcdHarness([new QueueDefinition("sales") { LeaveWhenEmpty = true, OverflowDestination = "flow:closed" }],
            [AcdHarness.Agent("1001", "sales"), AcdHarness.Agent("1002", "sales")]);
        acd.LogIn("1001", "1002");
        acd.Engine.Pause("1001", "1");
        acd.Engine.SetOnOtherCall("1002", true);
        acd.Enter("c1", "sales");
        acd.Enter("c2", "sales");

        acd.Engine.LogOut("1002");

        Assert.That(acd.Take().Select(d => (d.Kind, d.CallId, d.Reason)), Is.EqualTo(new[]
        {
            (AcdDecisionKind.Overflow, "c1", OverflowReason.QueueEmpty), (AcdDecisionKind.Overflow, "c2", OverflowReason.QueueEmpty),
        }));
    }

    [Test]
    public void A_full_queue_refuses_the_next_caller()
    {
        var acd = new AcdHarness([new QueueDefinition("sales") { MaxLength = 2 }], [AcdHarness.Agent("1001", "sales")]);
        acd.Engine.Enqueue("c1", "sales");
        acd.Engine.Enqueue("c2", "sales");
        Assert.That(acd.Engine.Enqueue("c3", "sales"), Is.EqualTo(EnqueueResult.QueueFull));
        acd.Engine.Abandon("c1");
        Assert.That(acd.Engine.Enqueue("c3", "sales"), Is.EqualTo(EnqueueResult.Queued));
    }

    [Test]
    public void An_abandoning_caller_reports_its_position_and_wait_and_cancels_its_ringing_agent()
    {
        var acd = new AcdHarness([new QueueDefinition("sales")], [AcdHarness.Agent("1001", "sales")]);
        acd.LogIn("1001");
        var offer = acd.Enter("c1", "sales")!.Value;
        acd.Enter("c2", "sales");
        acd.Enter("c3", "sales");
        acd.Advance(42);

        Assert.That(acd.Engine.Abandon("c3"), Is.EqualTo(new CallerExit("sales", 2, TimeSpan.FromSeconds(42))));
        Assert.That(acd.Engine.Abandon("c1"), Is.EqualTo(new CallerExit("sales", 0, TimeSpan.FromSeconds(42))));
        var decisions = acd.Take();
        Assert.That(decisions.Select(d => (d.Kind, d.CallId, d.AgentId)), Is.EqualTo(new[]
        {
            (AcdDecisionKind.CancelOffer, "c1", "1001"), (AcdDecisionKind.Offer, "c2", "1001"),
        }));
        Assert.That(acd.Engine.OfferFailed(offer.OfferId, OfferFailure.NoAnswer), Is.False);
    }
}
