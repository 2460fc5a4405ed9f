using System.Text.Json;
using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

/// <summary>ivr-flows/schema.json (what editors check) describes the same language as the parser.</summary>
public sealed class FlowSchemaTests
{
    private static JsonElement Schema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(DemoFlowTests.RepositoryRoot(), "ivr-flows", "schema.json")));
        return document.RootElement.Clone();
    }

    [Test]
    public void The_schema_knows_every_node_kind_the_parser_knows()
    {
        var kinds = Schema().GetProperty("definitions").GetProperty("node").GetProperty("oneOf").EnumerateArray()
            .Select(k => k.GetProperty("title").GetString()).ToList();
        Assert.That(kinds, Is.EquivalentTo(new[]
        {
            "play", "menu", "collect", "say", "speak", "set", "branch", "hours", "language", "http", "transfer", "voicemail", "mailbox", "hangup", "queue",
        }));
    }

    [Test]
    public void Each_kind_in_the_schema_allows_exactly_the_keys_the_parser_reads()
    {
        using var workspace = new FlowWorkspace();
        foreach (var kind in Schema().GetProperty("definitions").GetProperty("node").GetProperty("oneOf").EnumerateArray())
        {
            var name = kind.GetProperty("title").GetString()!;
            if (name is "hangup") continue;
            // An unknown key makes the parser list the keys the kind knows.
            workspace.WriteFlow("probe", $"nodes:\n  n:\n    {name}: x\n    zzz: 1\n");
            var problem = workspace.Load(workspace.Services(TimeProvider.System)).Problems.Single(p => p.Message.StartsWith("unknown key 'zzz'", StringComparison.Ordinal));
            var known = problem.Message[(problem.Message.IndexOf("(known: ", StringComparison.Ordinal) + 8)..^1].Split(", ");
            var schemaKeys = kind.GetProperty("properties").EnumerateObject().Select(p => p.Name);
            Assert.That(schemaKeys, Is.EquivalentTo(known), name);
        }
    }
}
