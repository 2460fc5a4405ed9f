using System.Text.Json;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Simulation;
using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

/// <summary>The committed demo flow (ivr-flows/main.yaml and calendars.yaml), checked and run with a temp prompts folder.</summary>
public sealed class DemoFlowTests
{
    public static readonly string[] DemoPrompts =
    [
        "welcome", "lang-menu", "main-menu", "enter-account", "balance-is", "lookup-failed", "closed", "leave-message",
        "transferring", "invalid", "timeout", "goodbye", "unavailable",
    ];

    private FlowWorkspace _workspace = null!;
    private FakeVoicemailDrop _drop = null!;
    private StubHttpHandler _http = null!;
    private HttpClient _client = null!;
    private ScriptedQueues _queues = null!;

    [SetUp]
    public void CopyTheDemo()
    {
        _workspace = new FlowWorkspace();
        var folder = Path.Combine(RepositoryRoot(), "ivr-flows");
        foreach (var file in new[] { "main.yaml", "calendars.yaml" }) File.Copy(Path.Combine(folder, file), Path.Combine(_workspace.Flows, file));
        foreach (var language in new[] { "en", "ms", "id" })
        {
            _workspace.AddPrompts(language, DemoPrompts).AddPrompts(language, FakeNumberSpeaker.Names);
        }

        _drop = new FakeVoicemailDrop("1001");
        _http = StubHttpHandler.Json("""{"balance": "1234.50"}""");
        _client = new HttpClient(_http);
        _queues = new ScriptedQueues(QueueCallOutcome.Connected);
    }

    [TearDown]
    public void Delete()
    {
        _client.Dispose();
        _http.Dispose();
        _workspace.Dispose();
    }

    private Runtime.FlowServices Services(SimulationClock clock) =>
        _workspace.Services(clock, new FakeNumberSpeaker(), drop: _drop, http: _client) with { Queues = _queues };

    private Task<SimulatedCall> Call(string keys, string at = "2026-11-23T10:00+08:00")
    {
        var clock = new SimulationClock(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        return _workspace.RunAsync("main", keys, Services(clock), clock);
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ivr-flows", "main.yaml"))) return folder.FullName;
        }

        throw new DirectoryNotFoundException("ivr-flows/main.yaml not found above the test folder");
    }

    [Test]
    public void The_demo_flow_checks_clean_when_its_prompts_exist()
    {
        var result = FlowFolder.Load(_workspace.Flows, Services(new SimulationClock(DateTimeOffset.UnixEpoch)));
        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Flows["main"].Languages, Is.EqualTo(new[] { "ms", "en", "id" }));
    }

    [Test]
    public void Without_the_prompts_every_missing_recording_is_an_error()
    {
        Directory.Delete(Path.Combine(_workspace.Sounds, "id"), recursive: true);
        var result = FlowFolder.Load(_workspace.Flows, Services(new SimulationClock(DateTimeOffset.UnixEpoch)));
        Assert.That(result.Flows, Is.Empty);
        Assert.That(result.Problems.Select(p => p.Message), Does.Contain("say needs number prompts not recorded in 'id': currency, digits/0, digits/1, digits/2, digits/3 and 6 more"));
        Assert.That(result.Problems.Count(p => p.Message.StartsWith("prompt 'lang-menu' is not recorded in 'id'", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task English_then_support_waits_in_the_support_queue()
    {
        // The caller listens for a second before pressing 2, so the whole language menu plays, each choice in its language.
        var call = await Call("w1,2,2");
        Assert.That(call.Result, Is.EqualTo("queue support"));
        Assert.That(_queues.Entered, Is.EqualTo(new[] { ("support", 0) }));
        Assert.That(call.Channel.Language, Is.EqualTo("en"));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "welcome", "lang-menu@ms", "lang-menu@en", "lang-menu@id", "main-menu", "transferring" }));
        Assert.That(call.Channel.RecordFields["ivr_path"], Does.EndWith("main-menu:2,support,support-queue"));
    }

    [TestCase("1,1", "queue sales", "ms")]
    [TestCase("3,0", "transfer 1005", "id")]
    public async Task Each_language_reaches_the_main_menu(string keys, string result, string language)
    {
        var call = await Call(keys);
        Assert.That(call.Result, Is.EqualTo(result));
        Assert.That(call.Channel.Language, Is.EqualTo(language));
    }

    [TestCase(QueueCallOutcome.NotQueued)]
    [TestCase(QueueCallOutcome.Overflowed)]
    public async Task A_queue_that_connects_nobody_says_unavailable_and_returns_to_the_main_menu(QueueCallOutcome outcome)
    {
        _queues = new ScriptedQueues(outcome);
        var call = await Call("2,1");
        Assert.That(_queues.Entered, Is.EqualTo(new[] { ("sales", 0) }));
        Assert.That(call.Channel.RecordFields["ivr_path"], Does.Contain("main-menu:1,sales,sales-queue,unavailable,main-menu"));
        Assert.That(call.PromptNames.SkipWhile(p => p != "transferring"), Is.EqualTo(new[] { "transferring", "unavailable", "main-menu" }));
    }

    [Test]
    public async Task The_balance_is_looked_up_over_http_and_said_as_money()
    {
        var call = await Call("2,3,123456#");
        Assert.That(_http.Requests.Single().Url, Is.EqualTo("http://127.0.0.1:8089/balance?account=123456"));
        Assert.That(call.Lines, Does.Contain("set balance = 1234.50"));
        Assert.That(call.Lines, Does.Contain("say money 1234.50"));
        Assert.That(call.PromptNames.SkipWhile(p => p != "balance-is").Take(8), Is.EqualTo(new[]
        {
            "balance-is", "digits/1", "digits/2", "digits/3", "digits/4", "digits/5", "digits/0", "currency",
        }));
        Assert.That(call.Channel.RecordFields["ivr_path"], Does.Contain("account:123456#,lookup,balance-is,say-balance:1234.50,main-menu"));
        var said = JsonSerializer.Deserialize<string[]>(call.Channel.RecordFields["ivr_said"])!;
        Assert.That(said.SkipWhile(p => p != "balance-is@en").Take(8), Is.EqualTo(new[]
        {
            "balance-is@en", "digits/1@en", "digits/2@en", "digits/3@en", "digits/4@en", "digits/5@en", "digits/0@en", "currency@en",
        }), "the record keeps what was said, in order");
    }

    [Test]
    public async Task A_failed_lookup_says_so_and_returns_to_the_main_menu()
    {
        _client.Dispose();
        _client = new HttpClient(new StubHttpHandler((_, _) => throw new HttpRequestException("Connection refused")));
        var call = await Call("2,3,123456#");
        Assert.That(call.Channel.RecordFields["ivr_path"], Does.EndWith("lookup,lookup-failed,main-menu"));
    }

    [Test]
    public async Task Nine_leaves_a_message_for_1001()
    {
        var call = await Call("2,9,w20,#");
        Assert.That(_drop.Finished.Single().Message.Box, Is.EqualTo("1001"));
        Assert.That(call.Result, Is.EqualTo("hangup"));
        Assert.That(call.Channel.RecordFields["ivr_path"], Does.EndWith("message,goodbye,end"));
    }

    [Test]
    public async Task Outside_business_hours_the_caller_hears_closed_and_can_leave_a_message()
    {
        var call = await Call("w15,#", at: "2026-11-23T19:00+08:00");
        Assert.That(call.Lines, Does.Contain("hours office: closed (Mon 2026-11-23 19:00 Asia/Kuala_Lumpur)"));
        Assert.That(call.PromptNames.Take(4), Is.EqualTo(new[] { "welcome", "closed@ms", "closed@en", "closed@id" }));
        Assert.That(_drop.Finished.Single().Recording.Length, Is.EqualTo(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public async Task A_wrong_key_replays_the_menu_then_gives_up()
    {
        var call = await Call("2,7,7,7");
        Assert.That(call.Channel.RecordFields["ivr_path"], Does.EndWith("main-menu:7:7:7,goodbye,end"));
        Assert.That(call.Result, Is.EqualTo("hangup"));
    }
}
