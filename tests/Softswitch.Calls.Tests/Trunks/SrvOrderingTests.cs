using Softswitch.Calls.Trunks;

namespace Softswitch.Calls.Tests.Trunks;

public sealed class SrvOrderingTests
{
    [Test, Description("RFC 2782: lowest priority first")]
    public void Lower_priority_always_comes_first_whatever_the_weights()
    {
        SrvTarget[] records = [new(20, 100, 5060, "backup"), new(10, 1, 5060, "main-a"), new(10, 1, 5060, "main-b"), new(30, 0, 5060, "last")];
        for (var seed = 0; seed < 50; seed++)
        {
            var ordered = SrvOrdering.Order(records, new Random(seed)).Select(r => r.Host).ToList();
            Assert.That(ordered.Take(2), Is.EquivalentTo(new[] { "main-a", "main-b" }));
            Assert.That(ordered.Skip(2), Is.EqualTo(new[] { "backup", "last" }));
        }
    }

    [Test, Description("RFC 2782: within a priority, chosen in proportion to weight")]
    public void Within_a_priority_the_heavier_target_comes_first_in_proportion_to_its_weight()
    {
        SrvTarget[] records = [new(10, 10, 5060, "light"), new(10, 90, 5060, "heavy")];
        var random = new Random(7);
        var heavyFirst = Enumerable.Range(0, 10_000).Count(_ => SrvOrdering.Order(records, random)[0].Host == "heavy");
        Assert.That(heavyFirst, Is.InRange(8_700, 9_300));
    }

    [Test, Description("RFC 2782: weight 0 has a very small chance when others weigh more")]
    public void A_zero_weight_target_is_rarely_first_but_always_listed()
    {
        SrvTarget[] records = [new(10, 0, 5060, "zero"), new(10, 50, 5060, "weighted")];
        var random = new Random(3);
        var orders = Enumerable.Range(0, 2_000).Select(_ => SrvOrdering.Order(records, random)).ToList();
        Assert.That(orders.All(o => o.Count == 2), Is.True);
        Assert.That(orders.Count(o => o[0].Host == "zero"), Is.LessThan(100));
    }
}
