namespace Softswitch.Ivr.Flows;

/// <summary>The tests a branch rule can make (their YAML keys are snake_case: <c>not_equals</c>, <c>less_than</c>…).</summary>
public enum BranchTest
{
    Equals,
    NotEquals,
    Matches,
    LessThan,
    GreaterThan,
}
