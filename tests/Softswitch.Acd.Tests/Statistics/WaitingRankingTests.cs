using FsCheck;
using FsCheck.Fluent;
using Softswitch.Acd.Statistics;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Softswitch.Acd.Tests.Statistics;

public sealed class WaitingRankingTests
{
    [Test]
    public void Higher_priorities_come_first_then_arrival_order()
    {
        var ranking = new WaitingRanking();
        ranking.Add(0, 1);
        ranking.Add(0, 2);
        ranking.Add(5, 3);
        ranking.Add(1, 4);

        Assert.That(new[] { ranking.PositionOf(5, 3), ranking.PositionOf(1, 4), ranking.PositionOf(0, 1), ranking.PositionOf(0, 2) },
            Is.EqualTo(new[] { 1, 2, 3, 4 }));
        ranking.Remove(0, 1);
        Assert.That(ranking.PositionOf(0, 2), Is.EqualTo(3));
    }

    /// <summary>Against a sorted list: any mix of arrivals, departures and returns (a failed offer), across rebuilds of the window.</summary>
    [Property(MaxTest = 200)]
    public Property Positions_match_a_sorted_list() =>
        Prop.ForAll(Gen.Choose(0, 20).ArrayOf().ToArbitrary(), operations =>
        {
            var ranking = new WaitingRanking();
            var present = new SortedSet<(int NegativePriority, long Ticket)>();
            var gone = new List<(int, long)>();
            long next = 0;
            foreach (var operation in operations)
            {
                if (operation < 10 || present.Count == 0)
                {
                    // Bursts push tickets far past the window (1024) so it has to rebuild.
                    next += operation == 9 ? 1500 : 1;
                    var priority = operation % 3;
                    ranking.Add(priority, next);
                    present.Add((-priority, next));
                }
                else if (operation < 17 || gone.Count == 0)
                {
                    var leaving = present.ElementAt(operation % present.Count);
                    ranking.Remove(-leaving.NegativePriority, leaving.Ticket);
                    present.Remove(leaving);
                    gone.Add(leaving);
                }
                else
                {
                    var back = gone[operation % gone.Count];
                    gone.Remove(back);
                    ranking.Add(-back.Item1, back.Item2);
                    present.Add(back);
                }

                var expected = 1;
                foreach (var (negativePriority, ticket) in present)
                {
                    if (ranking.PositionOf(-negativePriority, ticket) != expected++) return false;
                }

                if (ranking.Count != present.Count) return false;
            }

            return true;
        });
}
