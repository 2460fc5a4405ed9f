using Softswitch.Calls.Routing;

namespace Softswitch.Calls.Tests;

public sealed class DialPlanTests
{
    private static readonly DialPlan Plan = new(
    [
        new DialPlanRoute("*43", RouteTarget.Echo, Record: true),
        new DialPlanRoute("7XXX", RouteTarget.Extension, "1001"),
        new DialPlanRoute("7001", RouteTarget.Flow, "vip"),
        new DialPlanRoute("00*", RouteTarget.Flow, "international"),
        new DialPlanRoute("0*", RouteTarget.Flow, "national"),
    ]);

    [TestCase("*43", RouteTarget.Echo)]
    [TestCase("7123", RouteTarget.Extension)]
    [TestCase("7001", RouteTarget.Flow)]
    [TestCase("0044123", RouteTarget.Flow)]
    public void A_dialled_number_finds_its_route(string dialled, RouteTarget expected) =>
        Assert.That(Plan.Find(dialled)?.Target, Is.EqualTo(expected));

    [Test]
    public void An_exact_number_beats_a_pattern() => Assert.That(Plan.Find("7001")!.Destination, Is.EqualTo("vip"));

    [Test]
    public void The_more_specific_open_pattern_wins() => Assert.That(Plan.Find("0044")!.Destination, Is.EqualTo("international"));

    [TestCase("43")]
    [TestCase("712")]
    [TestCase("71234")]
    [TestCase("7A12")]
    [TestCase("")]
    public void Numbers_no_route_covers_find_nothing(string dialled) => Assert.That(Plan.Find(dialled), Is.Null);

    [Test]
    public void The_record_flag_comes_with_the_route() => Assert.That(Plan.Find("*43")!.Record, Is.True);
}
