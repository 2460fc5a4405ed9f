using System.Globalization;
using System.Text.RegularExpressions;

namespace Softswitch.Ivr.Flows;

/// <summary>
/// One line of a <see cref="BranchNode"/>: <c>if: variable</c> with one test (<c>equals</c>, <c>not_equals</c>,
/// <c>matches</c>, <c>less_than</c>, <c>greater_than</c>) against a value that may hold <c>${variables}</c>.
/// </summary>
public sealed record BranchRule(string Variable, BranchTest Test, string Operand, Regex? Pattern, NodeReference Next)
{
    /// <summary>True when the variable's value passes the test; numeric tests fail on values that are not numbers.</summary>
    public bool Holds(string value, string operand) => Test switch
    {
        BranchTest.Equals => string.Equals(value, operand, StringComparison.Ordinal),
        BranchTest.NotEquals => !string.Equals(value, operand, StringComparison.Ordinal),
        BranchTest.Matches => SafeMatch(value),
        BranchTest.LessThan => Number(value) is { } a && Number(operand) is { } b && a < b,
        BranchTest.GreaterThan => Number(value) is { } x && Number(operand) is { } y && x > y,
        _ => false,
    };

    private bool SafeMatch(string value)
    {
        try
        {
            return Pattern!.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;
}
