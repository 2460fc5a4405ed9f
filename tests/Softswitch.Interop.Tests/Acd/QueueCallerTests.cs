using System.Text.Json;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Acd;

/// <summary>
/// What a queue's caller hears and where it goes, on the real switch with sipp: an agent freed during an announcement
/// rings at once and its answer cuts the announcement (the caller's RTP, captured here); the maximum wait sends the
/// caller to another queue, a flow or an extension's voicemail; a full or empty queue refuses with a prompt and a
/// hang-up, and a queue whose last agent leaves sends its callers away. The <c>calls</c> row says why.
/// </summary>
[TestFixture]
public sealed class QueueCallerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private SoftswitchProcess? _softswitch;
    private string? _folder;

    [TearDown]
    public async Task StopSwitch()
    {
        if (_softswitch is not null) await _softswitch.DisposeAsync();
        if (_folder is not null) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The switch with queue <c>support</c> (agent 1002) on 610 and <paramref name="more"/> settings.</summary>
    private async Task<SoftswitchProcess> StartAsync(params string[] more)
    {
        _folder = Directory.CreateTempSubdirectory("queue-caller-").FullName;
        Directory.CreateDirectory(Path.Combine(_folder, "flows"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "flows", "after.yaml"), "nodes:\n  bye:\n    play: goodbye\n");
        _softswitch = await SoftswitchProcess.StartAsync(null,
        [
            "--queues:0:name=support", "--queues:0:ring_timeout_seconds=3",
            "--agents:0:extension=1002", "--agents:0:queues:0:name=support",
            "--routes:0:match=610", "--routes:0:queue=support",
            $"--ivr:flows={Path.Combine(_folder, "flows")}", $"--storage:voicemail={Path.Combine(_folder, "voicemail")}",
            "--limits:max_calls_per_extension=0",
            .. more,
        ]);
        return _softswitch;
    }

    /// <summary>A second queue <c>waiting</c> on 611 with no agents, so its callers wait, and its <paramref name="settings"/>.</summary>
    private static string[] WaitingQueue(params string[] settings) =>
        ["--queues:1:name=waiting", "--routes:1:match=611", "--routes:1:queue=waiting", .. settings.Select(s => "--queues:1:" + s)];

    private static Task<SippCallee> Agent1002(SoftswitchProcess softswitch) =>
        SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer.xml", Limit, ("ANSWER_MS", "200"));

    private static Task<ToolResult> CallAndStay(SoftswitchProcess softswitch, string number, int stayMs, string scenario = "call-pause-bye.xml") =>
        SippCaller.CallAsync(softswitch, scenario, "1001", number, Limit, null, "-m", "1", "-d", stayMs.ToString());

    private static Task<ToolResult> CallUntilHungUp(SoftswitchProcess softswitch, string number) =>
        SippCaller.CallAsync(softswitch, "call-until-bye.xml", "1001", number, Limit, null, "-m", "1");

    private static Dictionary<string, string?> Fields(IReadOnlyDictionary<string, string?> row)
    {
        using var fields = JsonDocument.Parse(row["application_fields"] ?? "{}");
        return fields.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
    }

    private static void AssertRan(SoftswitchProcess softswitch, ToolResult run, string what) =>
        Assert.That(run.ExitCode, Is.Zero, $"{what}\n{run}\n{softswitch.Output}");

    [Test]
    public async Task An_agent_freed_during_the_periodic_message_rings_at_once_and_the_answer_cuts_the_message()
    {
        // 1002 is logged out, so the caller waits: "you are caller number one", then the 6 s periodic message.
        var softswitch = await StartAsync("--queues:0:periodic_message=queue-periodic", "--queues:0:periodic_every_seconds=1");
        AssertRan(softswitch, await CallAs1002(softswitch, "*51"), "*51 logged 1002 out");
        var agent = await Agent1002(softswitch);
        await using var ear = new RtpListener();
        var caller = SippCaller.CallAsync(softswitch, Scenarios.Written("call-pause-bye.xml", ("m=audio [media_port]", $"m=audio {ear.Port}")),
            "1001", "610", Limit, null, "-m", "1", "-d", "7000");

        await Task.Delay(3000); // the position said, the periodic message under way
        AssertRan(softswitch, await CallAs1002(softswitch, "*50"), "*50 logged 1002 in");
        var loggedIn = ear.Now;

        AssertRan(softswitch, await caller, "the caller");
        AssertRan(softswitch, await agent.Run, "1002 answered");
        var row = (await CallTable.WaitForAsync(softswitch, 3)).Single(r => r["dialled"] == "610");
        var fields = Fields(row);
        Assert.That((fields["agent"], fields["queue_result"]), Is.EqualTo(("1002", "answered")));
        Assert.That(int.Parse(fields["wait_seconds"]!), Is.LessThanOrEqualTo(5), "offered when 1002 logged in, not after the message's end (about 8 s)");

        var heard = ear.Packets;
        Assert.That(heard.Where(p => p.At < loggedIn).Select(p => p.Rms).DefaultIfEmpty().Max(), Is.GreaterThan(300), "the announcements were heard");
        var lastSound = heard.Where(p => p.Rms > 30).Select(p => p.At).DefaultIfEmpty().Max();
        Assert.That(lastSound, Is.LessThan(loggedIn + TimeSpan.FromSeconds(1.5)),
            $"the message stopped at the answer (1002 logged in at {loggedIn.TotalSeconds:0.0} s, the silent agent answered 0.2 s after its INVITE)");
        Assert.That(heard.Max(p => p.At), Is.LessThan(loggedIn + TimeSpan.FromSeconds(2)), "nothing from the queue during the conversation");
    }

    [Test]
    public async Task A_caller_who_waited_the_maximum_is_answered_by_the_overflow_queues_agent()
    {
        var softswitch = await StartAsync(WaitingQueue("max_wait_seconds=1", "overflow=queue:support"));
        var agent = await Agent1002(softswitch);

        var caller = await CallAndStay(softswitch, "611", 3000);

        AssertRan(softswitch, caller, "the caller");
        AssertRan(softswitch, await agent.Run, "1002 answered");
        var fields = Fields((await CallTable.WaitForAsync(softswitch)).Single());
        Assert.That(fields, Does.ContainKey("agent").WithValue("1002"));
        Assert.That((fields["queue"], fields["queue_result"]), Is.EqualTo(("support", "answered")));
        Assert.That((fields["overflow_from"], fields["overflow_reason"], fields["overflow_to"]), Is.EqualTo(("waiting", "max_wait", "queue:support")));
    }

    [Test]
    public async Task A_caller_who_waited_the_maximum_goes_to_the_overflow_flow()
    {
        var softswitch = await StartAsync(WaitingQueue("max_wait_seconds=1", "overflow=flow:after"));

        AssertRan(softswitch, await CallUntilHungUp(softswitch, "611"), "the flow said goodbye and hung up");

        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        var fields = Fields(row);
        Assert.That((fields["queue"], fields["queue_result"], fields["overflow_to"]), Is.EqualTo(("waiting", "max_wait", "flow:after")));
        Assert.That(fields["ivr_flow"], Is.EqualTo("after"));
        Assert.That(fields["ivr_path"], Does.StartWith("bye"), "the flow's node ran");
        Assert.That(row["hangup_side"], Is.EqualTo("switch"));
    }

    [Test]
    public async Task A_caller_who_waited_the_maximum_leaves_a_voicemail_message_for_the_overflow_extension()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "sipp's play_pcap_audio needs raw sockets (CI runs as root)");
        var softswitch = await StartAsync(WaitingQueue("max_wait_seconds=1", "overflow=voicemail:1002"));

        // 1 s in the queue, the greeting (about 5 s) and the beep, then 7 s of speech and a hang-up.
        var caller = await SippCaller.CallAsync(softswitch, Scenarios.Written("ivr-caller-voicemail.xml",
            ("KEYS_MS", "500"), ("KEYS", "5"), ("GREETING_MS", "6500"), ("SPEAK_MS", "4000")), "1001", "611", Limit, null, ["-m", "1"]);

        AssertRan(softswitch, caller, "the caller");
        var call = (await CallTable.WaitForAsync(softswitch)).Single();
        var messages = await SwitchDatabase.WaitForAsync(softswitch.DatabasePath, async () =>
        {
            var rows = await SwitchDatabase.QueryAsync(softswitch.DatabasePath, "SELECT box, caller, call_uuid, path FROM voicemail_messages",
                r => (Box: r.GetString(0), Caller: r.GetString(1), CallUuid: r.GetString(2), Path: r.GetString(3)));
            return rows.Count > 0 ? (IReadOnlyList<(string Box, string Caller, string CallUuid, string Path)>?)rows : null;
        }, TimeSpan.FromSeconds(5));
        Assert.That(messages, Is.Not.Null, () => "no voicemail row\n" + softswitch.Output);
        var message = messages!.Single();
        Assert.That((message.Box, message.Caller, message.CallUuid), Is.EqualTo(("1002", "1001", call["call_uuid"])));
        var file = Path.Combine(_folder!, "voicemail", message.Path);
        Assert.That(await Sox.SecondsAsync(file), Is.GreaterThan(2.0), "from the beep to the hang-up");
        Assert.That(await Sox.RmsDbAsync(file, 1), Is.GreaterThan(-40), "the caller's speech is in it");
        var fields = Fields(call);
        Assert.That((fields["queue_result"], fields["overflow_to"]), Is.EqualTo(("max_wait", "voicemail:1002")));
    }

    [Test]
    public async Task A_queue_that_refuses_callers_when_empty_says_so_and_hangs_up()
    {
        var softswitch = await StartAsync(WaitingQueue("join_when_empty=false"));

        AssertRan(softswitch, await CallUntilHungUp(softswitch, "611"), "the switch hung up after the prompt");

        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That(Fields(row)["queue_result"], Is.EqualTo("queue_empty"));
        await AssertHeardWholePromptAsync(row, "queue-no-agents");
    }

    [Test]
    public async Task A_full_queue_refuses_the_next_caller_with_a_prompt_and_a_hang_up()
    {
        var softswitch = await StartAsync(WaitingQueue("max_length=1"));
        var first = CallAndStay(softswitch, "611", 4000);
        await Task.Delay(1000);

        AssertRan(softswitch, await CallUntilHungUp(softswitch, "611"), "the second caller was refused");
        AssertRan(softswitch, await first, "the first caller waited");

        var rows = await CallTable.WaitForAsync(softswitch, 2);
        var refused = rows.Single(r => r["hangup_side"] == "switch");
        Assert.That(Fields(refused)["queue_result"], Is.EqualTo("queue_full"));
        await AssertHeardWholePromptAsync(refused, "queue-full");
        Assert.That(Fields(rows.Single(r => r != refused))["queue_result"], Is.EqualTo("abandoned"));
    }

    [Test]
    public async Task Callers_of_a_queue_whose_last_agent_logs_out_leave_to_its_overflow()
    {
        // 1002 has no phone: its offers fail and it rests, so the caller is waiting when 1002 logs out.
        var softswitch = await StartAsync("--queues:0:leave_when_empty=true", "--queues:0:overflow=flow:after");
        var caller = CallUntilHungUp(softswitch, "610");
        await Task.Delay(1500);

        AssertRan(softswitch, await CallAs1002(softswitch, "*51"), "*51 logged 1002 out");

        AssertRan(softswitch, await caller, "the caller went to the flow, which hung up");
        var row = (await CallTable.WaitForAsync(softswitch, 2)).Single(r => r["dialled"] == "610");
        var fields = Fields(row);
        Assert.That((fields["queue_result"], fields["overflow_to"], fields["ivr_flow"]), Is.EqualTo(("queue_empty", "flow:after", "after")));
    }

    private static Task<ToolResult> CallAs1002(SoftswitchProcess softswitch, string code) =>
        SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1002", code, Limit, null, "-m", "1", "-d", "300");

    /// <summary>The caller was sent the whole of <paramref name="prompt"/> before the switch hung up.</summary>
    private static async Task AssertHeardWholePromptAsync(IReadOnlyDictionary<string, string?> row, string prompt)
    {
        var seconds = await Sox.SecondsAsync(Path.Combine(SoftswitchProcess.RepositorySounds, "en", prompt + ".wav"));
        Assert.That(row["hangup_side"], Is.EqualTo("switch"));
        Assert.That(int.Parse(row["caller_packets_sent"]!), Is.GreaterThanOrEqualTo((int)(seconds * 50) - 5), $"{prompt} ({seconds:0.0} s) was sent to the caller");
        Assert.That(double.Parse(row["duration_seconds"]!, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(seconds - 0.2));
    }
}
