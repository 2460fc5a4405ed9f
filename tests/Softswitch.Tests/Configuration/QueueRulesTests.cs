using Microsoft.Extensions.Time.Testing;
using Softswitch.Acd.Model;
using Softswitch.Acd.Routing;
using Softswitch.Configuration;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Configuration;

public sealed class QueueRulesTests
{
    private const string Queues =
        """

        queues:
          - name: sales
            skills: [{ name: en, level: 50 }]
            relaxation:
              - after_seconds: 30
                lower_levels_by: 20
              - after_seconds: 60
                any_agent: true
            max_wait_seconds: 120
            overflow: voicemail:1002
        agents:
          - extension: "1001"
            skills: [{ name: en, level: 80 }]
            queues: [{ name: sales, penalty: 1 }]
        """;

    /// <summary>The shipped demo configuration, with its queues sales and support and agents 1001-1004.</summary>
    private static string Shipped() => File.ReadAllText(ConfigFixture.ShippedConfigPath());

    [Test]
    public void The_demo_queues_and_agents_of_the_shipped_configuration_are_valid()
    {
        using var folder = new TempFolder();
        // Relative to the repository, where the demo's prompts and flows are.
        var repository = Path.GetDirectoryName(Path.GetDirectoryName(ConfigFixture.ShippedConfigPath()))!;
        using var root = (Microsoft.Extensions.Configuration.ConfigurationRoot)ConfigFixture.Build(folder, Shipped());

        var result = Softswitch.Configuration.Validation.ConfigValidator.Validate(root, repository);

        Assert.That(result.Problems, Is.Empty);
        var options = result.Options!;
        Assert.That(options.Queues.Select(q => q.Name), Is.EqualTo(new[] { "sales", "support" }));
        Assert.That(options.Agents.Select(a => a.Extension), Is.EqualTo(new[] { "1001", "1002", "1003", "1004" }));
        Assert.That(options.Queues[0].Relaxation[1].AnyAgent, Is.True);
        Assert.That(options.Agents[0].Queues[1], Has.Property("Name").EqualTo("support").And.Property("Penalty").EqualTo(1));
        Assert.That(options.Agents[3].Skills.Single(s => s.Name == "id").Level, Is.EqualTo(90));
    }

    [Test, Description("The demo IVR's sales and support options and the routes 610 and 620 reach the shipped queues")]
    public void The_demo_flows_queue_nodes_and_the_queue_routes_name_the_shipped_queues()
    {
        using var folder = new TempFolder();
        var repository = Path.GetDirectoryName(Path.GetDirectoryName(ConfigFixture.ShippedConfigPath()))!;
        using var root = (Microsoft.Extensions.Configuration.ConfigurationRoot)ConfigFixture.Build(folder, Shipped());
        var options = Softswitch.Configuration.Validation.ConfigValidator.Validate(root, repository).Options!;

        var flowQueues = File.ReadAllLines(Path.Combine(repository, "ivr-flows", "main.yaml"))
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^\s+queue:\s*(\S+)"))
            .Where(match => match.Success).Select(match => match.Groups[1].Value);
        Assert.That(flowQueues, Is.EqualTo(new[] { "sales", "support" }));
        Assert.That(options.Routes.Where(r => r.Queue is not null).Select(r => (r.Match, r.Queue)),
            Is.EqualTo(new[] { ("610", "sales"), ("620", "support") }));
        Assert.That(options.Agents.Select(a => a.Extension), Does.Not.Contain("1005"), "1005 is the operator");
    }

    [Test]
    public void The_demo_configuration_drives_the_engine_longest_idle_skilled_agent_first()
    {
        using var folder = new TempFolder();
        var repository = Path.GetDirectoryName(Path.GetDirectoryName(ConfigFixture.ShippedConfigPath()))!;
        using var root = (Microsoft.Extensions.Configuration.ConfigurationRoot)ConfigFixture.Build(folder, Shipped());
        var options = Softswitch.Configuration.Validation.ConfigValidator.Validate(root, repository).Options!;

        var configuration = AcdConfigurationMapper.Map(options);
        var engine = new AcdEngine(configuration, new FakeTimeProvider());
        foreach (var agent in new[] { "1001", "1002", "1003", "1004" }) engine.LogIn(agent);

        var sales = configuration.Queues[0];
        Assert.That((sales.MaxWait, sales.OverflowDestination, sales.WrapUp), Is.EqualTo(((TimeSpan?)TimeSpan.FromSeconds(300), "voicemail:1005", TimeSpan.FromSeconds(10))));
        Assert.That(sales.Relaxation[1], Is.EqualTo(new RelaxationStep(TimeSpan.FromSeconds(90), 0, AnyAgent: true)));
        // sales needs en 50 and product 30: 1001 and 1002 (penalty 0) before 1004 (penalty 1; product 20 anyway).
        Assert.That(engine.Enqueue("c1", "sales"), Is.EqualTo(EnqueueResult.Queued));
        Assert.That(engine.TryTakeDecision(out var offer) ? offer.AgentId : null, Is.EqualTo("1001"));
        Assert.That(engine.Enqueue("c2", "support"), Is.EqualTo(EnqueueResult.Queued));
        Assert.That(engine.TryTakeDecision(out offer) ? offer.AgentId : null, Is.EqualTo("1003"), "support needs ms 40: 1003 before 1004 by order");
    }

    [Test]
    public void A_valid_queue_binds_with_its_defaults()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid + Queues);

        Assert.That(result.Problems, Is.Empty);
        var queue = result.Options!.Queues.Single();
        Assert.That((queue.Strategy, queue.JoinWhenEmpty, queue.RingTimeoutSeconds, queue.ServiceLevelSeconds, queue.WrapUpSeconds),
            Is.EqualTo(("longest_idle", true, 20, 20, 0)));
        Assert.That((queue.AnnounceDelaySeconds, queue.AnnounceEverySeconds, queue.AnnouncePosition, queue.AnnounceEstimatedWait, queue.PeriodicMessage, queue.PeriodicEverySeconds),
            Is.EqualTo((0, 0, true, true, (string?)null, 60)));
    }

    [TestCase("    max_wait_seconds: 120", "    strategy: ring_some", "softswitch.yaml:35:15: queues[0].strategy: 'ring_some' is not a strategy (longest_idle, ring_all, round_robin, fewest_calls, random)")]
    [TestCase("    overflow: voicemail:1002", "    overflow: queue:sales", "softswitch.yaml:36:15: queues[0].overflow: queue sales cannot overflow to itself")]
    [TestCase("    overflow: voicemail:1002", "    overflow: voicemail:1009", "softswitch.yaml:36:15: queues[0].overflow: extension '1009' is not defined under extensions")]
    [TestCase("    overflow: voicemail:1002", "    overflow: somewhere", "softswitch.yaml:36:15: queues[0].overflow: 'somewhere' is not a destination (queue:NAME, voicemail:EXTENSION or flow:NAME)")]
    [TestCase("      - after_seconds: 60", "      - after_seconds: 30", "softswitch.yaml:33:24: queues[0].relaxation[1].after_seconds: after_seconds must grow step by step and be above 0 (got 30 after 30)")]
    [TestCase("    skills: [{ name: en, level: 50 }]", "    skills: [{ name: en, level: 500 }]", "softswitch.yaml:29:33: queues[0].skills[0].level: level must be 1-100 (got 500)")]
    [TestCase("  - name: sales", "  - name: Sales Team", "softswitch.yaml:28:11: queues[0].name: 'Sales Team' is not a queue name (lower-case letters, digits, - and _)")]
    [TestCase("  - extension: \"1001\"", "  - extension: \"1009\"", "softswitch.yaml:38:16: agents[0].extension: extension '1009' is not defined under extensions")]
    [TestCase("    queues: [{ name: sales, penalty: 1 }]", "    queues: [{ name: billing }]", "softswitch.yaml:40:22: agents[0].queues[0].name: queue 'billing' is not defined under queues")]
    [TestCase("    queues: [{ name: sales, penalty: 1 }]", "    queues: []", "softswitch.yaml:40:13: agents[0].queues: agent 1001 serves no queue")]
    [TestCase("    max_wait_seconds: 120", "    announce_every_seconds: -5", "softswitch.yaml:35:29: queues[0].announce_every_seconds: announce_every_seconds must be 0-3600 (got -5)")]
    [TestCase("    max_wait_seconds: 120", "    periodic_every_seconds: 0", "softswitch.yaml:35:29: queues[0].periodic_every_seconds: periodic_every_seconds must be 1-3600 (got 0)")]
    [TestCase("    max_wait_seconds: 120", "    periodic_message: ../secret", "softswitch.yaml:35:23: queues[0].periodic_message: '../secret' is not a prompt name (a file under sounds/<language> without .wav, e.g. queue-periodic)")]
    public void Each_queue_and_agent_rule_reports_where_and_why(string line, string replacement, string expected)
    {
        using var folder = new TempFolder();
        Assert.That(Queues, Does.Contain(line + "\n").Or.EndWith(line));

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid + Queues.Replace(line, replacement, StringComparison.Ordinal));

        // A renamed queue also leaves its agent serving an unknown queue: the rule's own problem must be there.
        Assert.That(result.Problems.Select(p => p.ToString()), Has.Member(expected));
        Assert.That(result.IsValid, Is.False);
    }

    [TestCase("callback: { enabled: true, key: \"12\" }", "queues[0].callback.key: '12' is not one key (0-9, * or #)")]
    [TestCase("callback: { enabled: true, attempts: 0 }", "queues[0].callback.attempts")]
    [TestCase("callback: { enabled: true, ring_seconds: 1 }", "queues[0].callback.ring_seconds")]
    public void A_queues_callback_is_checked(string callback, string expected)
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid + Queues.Replace("    max_wait_seconds: 120", "    " + callback, StringComparison.Ordinal));

        Assert.That(result.Problems.Select(p => p.ToString()), Has.Some.Contains(expected));
        Assert.That(result.IsValid, Is.False);
    }

    [Test]
    public void A_callback_binds_with_its_defaults()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid + Queues.Replace("    max_wait_seconds: 120", "    callback: { enabled: true }", StringComparison.Ordinal));

        Assert.That(result.Problems, Is.Empty);
        var callback = result.Options!.Queues.Single().Callback;
        Assert.That((callback.Enabled, callback.Key, callback.Attempts, callback.RetrySeconds, callback.RingSeconds), Is.EqualTo((true, "1", 3, 120, 30)));
    }

    [Test]
    public void The_acd_miss_rules_bind_into_the_engine_and_are_checked()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid + Queues + "\nacd:\n  misses_before_pause: 2\n  rest_after_miss_seconds: 1\n");
        var bad = ConfigFixture.Validate(folder, ConfigFixture.Valid + Queues + "\nacd:\n  misses_before_pause: -1\n");

        Assert.That(result.Problems, Is.Empty);
        var engine = AcdConfigurationMapper.Map(result.Options!);
        Assert.That((engine.MissesBeforePause, engine.RestAfterMiss), Is.EqualTo((2, TimeSpan.FromSeconds(1))));
        Assert.That(bad.Problems.Select(p => p.ToString()), Has.Some.Contains("acd.misses_before_pause: misses_before_pause must be 0-100 (got -1)"));
    }
}
