using System.Text.Json;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Acd;

/// <summary>
/// The ACD on the real switch: agents 1002, 1003 and 1004 are sipp UAS registered as their extensions, 1001 dials the
/// queue route 610 (queue support, longest idle). Which phone got the INVITE and the <c>calls</c> rows say who was offered.
/// </summary>
[TestFixture]
public sealed class QueueCallTests
{
    private const string Password1004 = "interop-1004-secret";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private SoftswitchProcess? _softswitch;

    [TearDown]
    public async Task StopSwitch()
    {
        if (_softswitch is not null) await _softswitch.DisposeAsync();
    }

    private async Task<SoftswitchProcess> StartAsync(int ringTimeoutSeconds, params string[] more)
    {
        _softswitch = await SoftswitchProcess.StartAsync(null,
        [
            .. more,
            .. SoftswitchProcess.Extension1003,
            "--extensions:3:number=1004", $"--extensions:3:password={Password1004}",
            "--queues:0:name=support", $"--queues:0:ring_timeout_seconds={ringTimeoutSeconds}",
            "--agents:0:extension=1002", "--agents:0:queues:0:name=support",
            "--agents:1:extension=1003", "--agents:1:queues:0:name=support",
            "--agents:2:extension=1004", "--agents:2:queues:0:name=support",
            "--routes:0:match=610", "--routes:0:queue=support",
            "--limits:max_calls_per_extension=0",
        ]);
        return _softswitch;
    }

    private static string PasswordOf(string agent) => agent switch
    {
        "1002" => SoftswitchProcess.Password1002,
        "1003" => SoftswitchProcess.Password1003,
        _ => Password1004,
    };

    private static Task<SippCallee> Answering(SoftswitchProcess softswitch, string agent) =>
        SippCallee.StartAsync(softswitch, agent, PasswordOf(agent), "callee-answer.xml", Limit, ("ANSWER_MS", "200"));

    private static Task<SippCallee> Ringing(SoftswitchProcess softswitch, string agent) =>
        SippCallee.StartAsync(softswitch, agent, PasswordOf(agent), "callee-ring-until-cancel.xml", Limit);

    /// <summary>1001 calls the queue and stays <paramref name="stayMs"/> after the switch answered, then hangs up.</summary>
    private static Task<ToolResult> CallQueue(SoftswitchProcess softswitch, int stayMs) =>
        SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "610", Limit, null, "-m", "1", "-d", stayMs.ToString());

    /// <summary>The queue fields the application wrote on the call's row.</summary>
    private static (string? Queue, string? Agent, string? Result, int Wait) QueueFields(IReadOnlyDictionary<string, string?> row)
    {
        using var fields = JsonDocument.Parse(row["application_fields"] ?? "{}");
        string? Field(string name) => fields.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        return (Field("queue"), Field("agent"), Field("queue_result"), int.Parse(Field("wait_seconds") ?? "-1"));
    }

    private static void AssertPassed(SoftswitchProcess softswitch, ToolResult caller, params (string What, ToolResult Run)[] phones)
    {
        var log = string.Join("\n", phones.Select(p => $"{p.What}: {p.Run}")) + $"\ncaller: {caller}\n{softswitch.Output}";
        Assert.That(caller.ExitCode, Is.Zero, log);
        foreach (var (what, run) in phones) Assert.That(run.ExitCode, Is.Zero, what + "\n" + log);
    }

    [Test]
    public async Task Each_caller_rings_the_agent_whose_last_call_ended_earliest()
    {
        var softswitch = await StartAsync(ringTimeoutSeconds: 10);
        // Each caller stays 2.5 s after the queue answered it: long enough for the agent's answer on a loaded machine
        // (the suite runs fixtures side by side), so no caller hangs up while its agent is still being connected.
        var agent1004 = await Answering(softswitch, "1004");

        // Nobody has taken a call yet: configuration order breaks the tie, so 1002 then 1003 take the first two.
        var agent1002 = await Answering(softswitch, "1002");
        var first = await CallQueue(softswitch, 2500);
        AssertPassed(softswitch, first, ("1002 answered the first call", await agent1002.Run));
        var agent1003 = await Answering(softswitch, "1003");
        var second = await CallQueue(softswitch, 2500);
        AssertPassed(softswitch, second, ("1003 answered the second call", await agent1003.Run));

        // 1002 and 1003 are back (new phones on new ports); 1004, idle since log-in, has waited longest.
        agent1002 = await Answering(softswitch, "1002");
        agent1003 = await Ringing(softswitch, "1003");
        var third = await CallQueue(softswitch, 2500);
        AssertPassed(softswitch, third, ("1004 answered the third call", await agent1004.Run));

        // Now 1002's last call ended before 1003's: 1002 rings, not 1003 (whose phone would be cancelled, never rung).
        var fourth = await CallQueue(softswitch, 2500);
        AssertPassed(softswitch, fourth, ("1002 answered the fourth call", await agent1002.Run));
        Assert.That(agent1003.Run.IsCompleted, Is.False, "1003's phone got no INVITE");

        var rows = await CallTable.WaitForAsync(softswitch, 4);
        Assert.That(rows.Select(row => QueueFields(row).Agent), Is.EqualTo(new[] { "1002", "1003", "1004", "1002" }));
        Assert.That(rows.Select(row => row["callee"]), Is.EqualTo(new[] { "1002", "1003", "1004", "1002" }));
        Assert.That(rows.Select(row => (QueueFields(row).Queue, QueueFields(row).Result)), Is.All.EqualTo(("support", "answered")));
        Assert.That(rows.Select(row => row["route_target"]), Is.All.EqualTo("queue"));
    }

    [Test, Description("Agent feature codes: *51 logs the agent out (never offered), *50 logs it back in")]
    public async Task An_agent_logged_out_by_feature_code_gets_no_queue_call_until_it_logs_in_again()
    {
        var softswitch = await StartAsync(ringTimeoutSeconds: 10);
        var agent1002 = await Answering(softswitch, "1002");
        var logOut = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1002", "*51", Limit, null, "-m", "1", "-d", "300");
        Assert.That(logOut.ExitCode, Is.Zero, $"*51 answered\n{logOut}\n{softswitch.Output}");

        var agent1003 = await Answering(softswitch, "1003");
        var agent1004 = await Answering(softswitch, "1004");
        var whileOut = await CallQueue(softswitch, 2500);
        AssertPassed(softswitch, whileOut, ("1003 answered while 1002 was logged out", await agent1003.Run));
        Assert.That(agent1002.Run.IsCompleted, Is.False, "1002's phone got no INVITE while logged out");

        var logIn = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1002", "*50", Limit, null, "-m", "1", "-d", "300");
        Assert.That(logIn.ExitCode, Is.Zero, $"*50 answered\n{logIn}\n{softswitch.Output}");
        var afterIn = await CallQueue(softswitch, 2500);
        AssertPassed(softswitch, afterIn, ("1002 answered once logged in again", await agent1002.Run));
        Assert.That(agent1004.Run.IsCompleted, Is.False, "1004 (idle as long) comes after 1002 in configuration order");

        var rows = await CallTable.WaitForAsync(softswitch, 4);
        var queueRows = rows.Where(row => row["route_target"] == "queue").ToList();
        Assert.That(queueRows.Select(row => QueueFields(row).Agent), Is.EqualTo(new[] { "1003", "1002" }));
    }

    [Test]
    public async Task A_flows_queue_node_hands_the_caller_to_the_queue()
    {
        var flows = Directory.CreateTempSubdirectory("queue-flows-").FullName;
        await File.WriteAllTextAsync(Path.Combine(flows, "queued.yaml"), "nodes:\n  wait:\n    queue: support\n    priority: 3\n");
        var softswitch = await StartAsync(10, $"--ivr:flows={flows}", "--routes:1:match=620", "--routes:1:flow=queued");
        var agent1002 = await Answering(softswitch, "1002");

        var caller = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "620", Limit, null, "-m", "1", "-d", "1000");

        AssertPassed(softswitch, caller, ("1002 answered the flow's queue call", await agent1002.Run));
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That((row["route_target"], QueueFields(row).Queue, QueueFields(row).Agent), Is.EqualTo(("flow", "support", "1002")));
        Directory.Delete(flows, recursive: true);
    }

    [Test]
    public async Task An_agent_who_does_not_answer_within_the_ring_timeout_rolls_the_caller_over_to_the_next()
    {
        var softswitch = await StartAsync(2, "--queues:0:record=true");
        var agent1002 = await Ringing(softswitch, "1002");
        var agent1003 = await Answering(softswitch, "1003");
        var agent1004 = await Answering(softswitch, "1004");

        var caller = await CallQueue(softswitch, 4500);

        AssertPassed(softswitch, caller, ("1002 rang out and was cancelled", await agent1002.Run), ("1003 answered next", await agent1003.Run));
        Assert.That(agent1004.Run.IsCompleted, Is.False, "1004's phone got no INVITE");
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        var fields = QueueFields(row);
        Assert.That((fields.Queue, fields.Agent, fields.Result, row["callee"]), Is.EqualTo(("support", "1003", "answered", "1003")));
        Assert.That(fields.Wait, Is.InRange(2, 4), "two seconds ringing 1002, then 1003 answered");
        var recording = (await RecordingRows.WaitForAsync(softswitch.DatabasePath, 1, TimeSpan.FromSeconds(10))).Single();
        Assert.That(recording.Channels, Is.EqualTo(2));
        Assert.That(recording.DurationMs, Is.InRange(1000, 3500), "recorded from 1003's answer (about 2 s before the caller's BYE), not the wait");
        Assert.That(row["recording_path"], Is.EqualTo(recording.Path));
    }
}
