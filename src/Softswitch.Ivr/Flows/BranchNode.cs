using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;
using YamlDotNet.RepresentationModel;

namespace Softswitch.Ivr.Flows;

/// <summary>
/// <c>branch:</c> a list of rules tried in order (<c>- if: account, equals: "1234", next: vip</c>); the first that holds
/// picks the next node, and <c>otherwise</c> is taken when none does.
/// </summary>
public sealed class BranchNode(string name, SourcePosition position, IReadOnlyList<BranchRule> rules, NodeReference? otherwise)
    : FlowNode(name, position)
{
    private static readonly (string Key, BranchTest Test)[] Tests =
    [
        ("equals", BranchTest.Equals), ("not_equals", BranchTest.NotEquals), ("matches", BranchTest.Matches),
        ("less_than", BranchTest.LessThan), ("greater_than", BranchTest.GreaterThan),
    ];

    public override string Kind => "branch";

    public IReadOnlyList<BranchRule> Rules => rules;

    public override IEnumerable<NodeReference> Exits => rules.Select(r => r.Next).Concat(Present(otherwise));

    internal static BranchNode Parse(NodeSource source)
    {
        var reader = source.Reader;
        var rules = new List<BranchRule>();
        if (source.KindValue is not YamlSequenceNode list)
        {
            reader.Error(source.KindValue, "branch must be a list of rules (- if: variable, equals: value, next: node)");
        }
        else
        {
            foreach (var item in list.Children)
            {
                if (reader.Mapping(item, "a branch rule") is { } mapping && ParseRule(reader, mapping) is { } rule) rules.Add(rule);
            }
        }

        var otherwise = source.Next("otherwise");
        if (otherwise is null) reader.Error(source.Position, $"branch '{source.Name}' needs 'otherwise: NODE' for when no rule holds");
        return new BranchNode(source.Name, source.Position, rules, otherwise);
    }

    private static BranchRule? ParseRule(YamlFileReader reader, YamlMappingNode mapping)
    {
        var entries = reader.Entries(mapping);
        foreach (var (key, (keyNode, _)) in entries)
        {
            if (key is not ("if" or "next") && !Tests.Any(t => t.Key == key))
            {
                reader.Error(keyNode, $"unknown key '{key}' in a branch rule (known: if, equals, not_equals, matches, less_than, greater_than, next)");
            }
        }

        var tests = Tests.Where(t => entries.ContainsKey(t.Key)).ToList();
        if (!entries.TryGetValue("if", out var variableEntry) || !entries.TryGetValue("next", out var nextEntry) || tests.Count != 1)
        {
            reader.Error(mapping, "a branch rule needs 'if: VARIABLE', exactly one test (equals, not_equals, matches, less_than, greater_than) and 'next: NODE'");
            return null;
        }

        var (testKey, test) = tests[0];
        var variable = reader.VariableName(variableEntry.Value, "if");
        var operandNode = entries[testKey].Value;
        var operand = reader.Scalar(operandNode, testKey);
        var pattern = test == BranchTest.Matches ? reader.Pattern(operandNode, testKey) : null;
        var next = reader.Reference(nextEntry.Value, "next");
        if (variable is null || operand is null || next is null || (test == BranchTest.Matches && pattern is null)) return null;
        return new BranchRule(variable, test, operand, pattern, next);
    }

    internal override Task<FlowStep> RunAsync(FlowRun run)
    {
        foreach (var rule in rules)
        {
            if (rule.Holds(run.Get(rule.Variable), run.Expand(rule.Operand)))
            {
                return Task.FromResult(FlowStep.Go(rule.Next));
            }
        }

        return Task.FromResult(FlowStep.Go(otherwise));
    }
}
