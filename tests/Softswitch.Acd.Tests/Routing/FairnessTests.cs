using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Acd.Tests.Support;

namespace Softswitch.Acd.Tests.Routing;

public sealed class FairnessTests
{
    private static AcdHarness TwoQueuesOneAgent()
    {
        var agent = new AgentDefinition("1001") { Queues = [new AgentQueueMembership("sales"), new AgentQueueMembership("support")] };
        var acd = new AcdHarness([new QueueDefinition("sales"), new QueueDefinition("support")], [agent]);
        acd.LogIn("1001");
        acd.Engine.Pause("1001", "1");
        return acd;
    }

    [Test]
    public void An_agent_of_two_queues_takes_the_caller_who_waited_longest_in_either()
    {
        var acd = TwoQueuesOneAgent();
        acd.Enter("sales-1", "sales");
        acd.Advance(1);
        acd.Enter("support-1", "support");
        acd.Advance(1);
        acd.Enter("sales-2", "sales");

        var served = new List<string>();
        acd.Engine.Unpause("1001");
        for (var i = 0; i < 3; i++)
        {
            var offer = acd.Take().Single();
            served.Add(offer.CallId!);
            acd.Serve(offer, 1);
        }

        Assert.That(served, Is.EqualTo(new[] { "sales-1", "support-1", "sales-2" }));
    }

    [Test]
    public void A_higher_priority_caller_goes_first_across_queues_then_the_longest_waiting()
    {
        var acd = TwoQueuesOneAgent();
        acd.Enter("sales-normal", "sales");
        acd.Advance(1);
        acd.Enter("support-normal", "support");
        acd.Advance(1);
        acd.Enter("support-vip", "support", priority: 5);

        acd.Engine.Unpause("1001");

        Assert.That(acd.Take().Single().CallId, Is.EqualTo("support-vip"));
        Assert.That(acd.Engine.GetCaller("sales-normal")!.Value.Position, Is.EqualTo(1));
        Assert.That(acd.Engine.GetCaller("support-normal")!.Value.Position, Is.EqualTo(1));
    }

    [Test]
    public void Callers_of_one_priority_are_served_first_in_first_out()
    {
        var acd = new AcdHarness([new QueueDefinition("sales")], [AcdHarness.Agent("1001", "sales")]);
        acd.LogIn("1001");
        acd.Engine.Pause("1001", "1");
        for (var i = 0; i < 5; i++)
        {
            acd.Enter($"c{i}", "sales", priority: i % 2);
        }

        acd.Engine.Unpause("1001");
        var served = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var offer = acd.Take().Single();
            served.Add(offer.CallId!);
            acd.Serve(offer, 1);
        }

        Assert.That(served, Is.EqualTo(new[] { "c1", "c3", "c0", "c2", "c4" }));
    }
}
