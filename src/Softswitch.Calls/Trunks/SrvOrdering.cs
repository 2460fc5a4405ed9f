namespace Softswitch.Calls.Trunks;

/// <summary>RFC 2782's order for SRV records: by priority, and within a priority a weighted random draw without replacement.</summary>
public static class SrvOrdering
{
    /// <summary>The records in the order to try them; <paramref name="random"/> makes the weighted draw.</summary>
    public static IReadOnlyList<SrvTarget> Order(IEnumerable<SrvTarget> records, Random random)
    {
        var ordered = new List<SrvTarget>();
        foreach (var group in records.GroupBy(r => r.Priority).OrderBy(g => g.Key))
        {
            // Zero weights first, so that they have a small chance when others weigh more (RFC 2782, "Weight").
            var left = group.OrderBy(r => r.Weight == 0 ? 0 : 1).ToList();
            while (left.Count > 0)
            {
                var total = left.Sum(r => r.Weight);
                var pick = random.Next(total + 1);
                var running = 0;
                var chosen = left.Count - 1;
                for (var i = 0; i < left.Count; i++)
                {
                    running += left[i].Weight;
                    if (running >= pick)
                    {
                        chosen = i;
                        break;
                    }
                }

                ordered.Add(left[chosen]);
                left.RemoveAt(chosen);
            }
        }

        return ordered;
    }
}
