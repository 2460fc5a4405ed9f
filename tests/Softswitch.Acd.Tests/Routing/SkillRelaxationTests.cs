using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Acd.Tests.Support;

namespace Softswitch.Acd.Tests.Routing;

public sealed class SkillRelaxationTests
{
    private static readonly QueueDefinition s_support = new("support")
    {
        RequiredSkills = [new SkillRequirement("ms", 80)],
        Relaxation = [new RelaxationStep(TimeSpan.FromSeconds(60), LowerLevelsBy: 50, AnyAgent: true), new RelaxationStep(TimeSpan.FromSeconds(30), LowerLevelsBy: 50)],
    };

    private static AcdHarness Support()
    {
        var acd = new AcdHarness([s_support],
        [
            AcdHarness.Agent("1001", "support", ("en", 90)),
            AcdHarness.Agent("1002", "support", ("ms", 40)),
            AcdHarness.Agent("1003", "support", ("ms", 90)),
        ]);
        acd.LogIn("1001", "1002");
        return acd;
    }

    [Test]
    public void Only_an_agent_with_the_skill_at_the_minimum_level_is_offered()
    {
        var acd = Support();
        Assert.That(acd.Enter("c1", "support"), Is.Null);

        acd.LogIn("1003");

        Assert.That(acd.Take().Single().AgentId, Is.EqualTo("1003"));
    }

    [Test]
    public void After_the_first_step_a_lower_level_is_accepted_and_later_any_agent_of_the_queue()
    {
        var acd = Support();
        acd.Engine.Pause("1002", "training");
        Assert.That(acd.Enter("c1", "support"), Is.Null);

        acd.Advance(29.9);
        Assert.That(acd.Take(), Is.Empty);
        acd.Engine.Unpause("1002");
        Assert.That(acd.Take(), Is.Empty, "ms 40 is below 80 before the first step");
        acd.Advance(0.1);
        var offer = acd.Take().Single();
        Assert.That((offer.CallId, offer.AgentId), Is.EqualTo(("c1", "1002")), "ms 40 meets 80 - 50 after 30 s");
        Assert.That(acd.Engine.GetCaller("c1")!.Value.RelaxationLevel, Is.EqualTo(1));

        Assert.That(acd.Enter("c2", "support"), Is.Null, "1001 has no ms at all");
        acd.Advance(60);
        Assert.That(acd.Take().Single().AgentId, Is.EqualTo("1001"), "after 60 s any agent of the queue");
    }

    [Test]
    public void A_caller_brings_its_own_skills_from_the_ivr()
    {
        var acd = Support();
        var offer = acd.Enter("c1", "support", skills: [new SkillRequirement("en", 50)]);
        Assert.That(offer?.AgentId, Is.EqualTo("1001"));
    }

    [Test]
    public void A_relaxed_caller_keeps_its_place_ahead_of_newer_callers()
    {
        var acd = Support();
        acd.Engine.Pause("1002", "x");
        acd.Enter("old", "support");
        acd.Advance(40);
        acd.Enter("new", "support");
        acd.LogIn("1003");
        Assert.That(acd.Take().Single().CallId, Is.EqualTo("old"), "1003 qualifies for both");
    }
}
