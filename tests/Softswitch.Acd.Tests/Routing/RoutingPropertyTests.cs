using FsCheck;
using FsCheck.Fluent;
using Softswitch.Acd.Tests.Support;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Softswitch.Acd.Tests.Routing;

/// <summary>
/// Generated scripts of callers entering and leaving, agents logging in, pausing, registering, taking other calls,
/// answering, missing and hanging up, and time passing; after every event the invariants of the issue hold
/// (see <see cref="ScriptRunner"/>): an offer only to an available agent, never two at once to one agent, FIFO within a
/// priority, longest idle first, and no caller waiting while an agent who qualifies for it is free.
/// </summary>
public sealed class RoutingPropertyTests
{
    private static readonly Arbitrary<int[]> s_scripts =
        Arb.From(Gen.Choose(0, 100_000).ArrayOf(), ArbMap.Default.ArbFor<int[]>().Shrinker);

    [Property(MaxTest = 400, EndSize = 300)]
    public Property Routing_invariants_hold_for_any_script_of_events() =>
        Prop.ForAll(s_scripts, script => new ScriptRunner().Run(script));

    [Test]
    public void Generated_scripts_make_offers_so_the_invariants_are_exercised()
    {
        var offers = 0;
        var scripts = s_scripts.Generator.Sample(150, 200);
        foreach (var script in scripts)
        {
            var runner = new ScriptRunner();
            runner.Run(script);
            offers += runner.OffersSeen;
        }

        TestContext.Out.WriteLine($"{offers} offers in 200 scripts");
        Assert.That(offers, Is.GreaterThan(500));
    }
}
