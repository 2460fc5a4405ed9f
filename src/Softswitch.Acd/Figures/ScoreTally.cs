using System.Globalization;

namespace Softswitch.Acd.Figures;

/// <summary>Survey scores (1-5) as they come: how many, how many satisfied (4 or 5), their sum.</summary>
internal sealed class ScoreTally
{
    public int Count { get; private set; }

    private int _satisfied;
    private int _sum;

    /// <summary>Counts <paramref name="detail"/> when it is a score of 1 to 5; anything else is ignored.</summary>
    public void Add(string? detail)
    {
        if (!int.TryParse(detail, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score is < 1 or > 5) return;
        Count++;
        _sum += score;
        if (score >= 4) _satisfied++;
    }

    public double? Csat => Count == 0 ? null : (double)_satisfied / Count;

    public double? Average => Count == 0 ? null : (double)_sum / Count;
}
