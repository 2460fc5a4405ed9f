using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Acd.Tests.Support;

namespace Softswitch.Acd.Tests.Routing;

public sealed class AgentStateTests
{
    private static AcdHarness Sales() => new([new QueueDefinition("sales")], [AcdHarness.Agent("1001", "sales")]);

    [Test]
    public void Agents_start_logged_out_and_get_no_offer_until_they_log_in()
    {
        var acd = Sales();
        Assert.That(acd.Engine.GetAgent("1001")!.Value.State, Is.EqualTo(AgentState.LoggedOut));
        Assert.That(acd.Enter("c1", "sales"), Is.Null);

        Assert.That(acd.Engine.LogIn("1001"), Is.True);

        Assert.That(acd.Take().Single(), Has.Property("CallId").EqualTo("c1").And.Property("RingTimeout").EqualTo(TimeSpan.FromSeconds(20)));
        Assert.That(acd.Engine.GetAgent("1001")!.Value.State, Is.EqualTo(AgentState.Ringing));
    }

    [Test]
    public void Logging_out_during_a_call_takes_effect_when_it_ends()
    {
        var acd = Sales();
        acd.LogIn("1001");
        var offer = acd.Enter("c1", "sales")!.Value;
        acd.Engine.OfferAnswered(offer.OfferId);
        Assert.That(acd.Engine.LogOut("1001"), Is.True);
        Assert.That(acd.Engine.GetAgent("1001")!.Value.State, Is.EqualTo(AgentState.Talking));

        acd.Engine.CallEnded("1001");
        acd.Enter("c2", "sales");

        Assert.That(acd.Engine.GetAgent("1001")!.Value.State, Is.EqualTo(AgentState.LoggedOut));
    }

    [Test]
    public void Unknown_agents_and_meaningless_changes_are_refused()
    {
        var acd = Sales();
        Assert.That(acd.Engine.LogIn("9999"), Is.False);
        Assert.That(acd.Engine.Pause("1001", "1"), Is.False, "a logged-out agent cannot pause");
        Assert.That(acd.Engine.Unpause("1001"), Is.False);
        Assert.That(acd.Engine.CallEnded("1001"), Is.False);
        Assert.That(acd.Engine.Enqueue("c1", "nowhere"), Is.EqualTo(EnqueueResult.UnknownQueue));
        acd.Engine.Enqueue("c1", "sales");
        Assert.That(acd.Engine.Enqueue("c1", "sales"), Is.EqualTo(EnqueueResult.AlreadyQueued));
    }

    [Test]
    public void A_configuration_naming_an_unknown_queue_is_refused()
    {
        Assert.That(() => new AcdHarness([new QueueDefinition("sales")], [AcdHarness.Agent("1001", "support")]),
            Throws.ArgumentException.With.Message.Contains("unknown queue 'support'"));
    }
}
