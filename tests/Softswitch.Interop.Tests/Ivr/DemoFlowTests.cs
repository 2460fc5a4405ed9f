using System.Diagnostics;
using System.Text.Json;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Ivr;

/// <summary>
/// The demo IVR (dial 500, ivr-flows/main.yaml) in the real switch: sipp callers press keys by RFC 4733 and by SIP INFO,
/// sales and support are ACD queues as in the shipped configuration, a sipp phone registered as 1002 is the support
/// queue's agent and 1003 (no phone) the sales queue's; the call's row keeps the flow's path and keys and the queue's
/// fields. An edit of the flow while a call is in its menu leaves that call on the old version; the next call takes
/// the new one.
/// </summary>
[TestFixture]
public sealed class DemoFlowTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(40);

    private SoftswitchProcess _softswitch = null!;
    private string _flows = null!;

    [SetUp]
    public async Task StartSwitch()
    {
        _flows = DemoFlowFolder.CopyOpenAllWeek();
        // The shipped queues' names; sales gives up on a caller after 3 s (its only agent has no phone).
        _softswitch = await SoftswitchProcess.StartAsync("""
            queues:
              - name: sales
                max_wait_seconds: 3
                ring_timeout_seconds: 2
              - name: support
                ring_timeout_seconds: 10
            agents:
              - extension: "1002"
                queues: [{ name: support }]
              - extension: "1003"
                queues: [{ name: sales }]
            routes:
              - match: "500"
                flow: main
            """, [$"--ivr:flows={_flows}", "--limits:max_calls_per_extension=0", .. SoftswitchProcess.Extension1003]);
    }

    [TearDown]
    public async Task StopSwitch()
    {
        await _softswitch.DisposeAsync();
        Directory.Delete(_flows, recursive: true);
    }

    [Test, Description("RFC 4733 keys 2 2 in one burst: the first picks English, the second waits in the type-ahead buffer and picks support; its agent 1002 answers")]
    public async Task Keys_by_rfc4733_typed_ahead_choose_english_then_support_and_its_agent_1002_answers()
    {
        var support = await SippCallee.StartAsync(_softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer.xml", Limit, ("ANSWER_MS", "300"));

        var caller = await SippCaller.CallAsync(_softswitch, Scenarios.Written("ivr-caller-rfc4733.xml",
            ("KEYS_MS", "1500"), ("KEYS", "22"), ("STAY_MS", "8000")),
            "1001", "500", Limit, null, ["-m", "1"]);
        var answered = await support.Run;

        Assert.That(caller.ExitCode, Is.Zero, Log(caller, answered));
        Assert.That(answered.ExitCode, Is.Zero, "1002 got the INVITE, then the caller's BYE passed on\n" + Log(caller, answered));
        var row = (await CallTable.WaitForAsync(_softswitch)).Single();
        var fields = Fields(row);
        Assert.Multiple(() =>
        {
            Assert.That(row["dialled"], Is.EqualTo("500"));
            Assert.That(row["route_target"], Is.EqualTo("flow"));
            Assert.That(row["callee"], Is.EqualTo("1002"), "the party the flow reached");
            Assert.That(row["hangup_side"], Is.EqualTo("caller"));
            Assert.That(new string([.. fields["ivr_keys"].Where(char.IsAsciiDigit)]), Is.EqualTo("22"), Log(caller, answered));
            Assert.That(fields["ivr_path"], Does.Contain("english").And.EndWith("support-queue"));
            Assert.That((fields["queue"], fields["agent"], fields["queue_result"]), Is.EqualTo(("support", "1002", "answered")));
        });
    }

    [Test, Description("SIP INFO keys (application/dtmf-relay): 1 (Bahasa Melayu), then 2 (support): its agent 1002 answers; the flow ran in Malay")]
    public async Task Keys_by_sip_info_choose_malay_then_support_and_its_agent_1002_answers()
    {
        var support = await SippCallee.StartAsync(_softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer.xml", Limit, ("ANSWER_MS", "300"));

        var caller = await SippCaller.CallAsync(_softswitch, Scenarios.Written("ivr-caller-info.xml",
            ("FIRST_MS", "1500"), ("FIRST_KEY", "1"), ("SECOND_MS", "2500"), ("SECOND_KEY", "2"), ("STAY_MS", "7000")),
            "1001", "500", Limit, null, ["-m", "1"]);
        var answered = await support.Run;

        Assert.That(caller.ExitCode, Is.Zero, Log(caller, answered));
        Assert.That(answered.ExitCode, Is.Zero, Log(caller, answered));
        var row = (await CallTable.WaitForAsync(_softswitch)).Single();
        var fields = Fields(row);
        Assert.Multiple(() =>
        {
            Assert.That(row["callee"], Is.EqualTo("1002"));
            Assert.That(fields["ivr_path"], Does.Contain("malay").And.Contain("support-queue"));
            Assert.That(fields["ivr_variables"], Does.Contain("\"language\":\"ms\""));
        });
    }

    [Test, Description("The sales queue's only agent (1003) has no phone: after the queue's 3 s maximum wait, with no overflow, the caller hears 'unavailable' and is back in the menu")]
    public async Task A_queue_that_connects_nobody_gives_the_caller_back_to_the_flow()
    {
        var caller = await SippCaller.CallAsync(_softswitch, Scenarios.Written("ivr-caller-rfc4733.xml",
            ("KEYS_MS", "1500"), ("KEYS", "21"), ("STAY_MS", "14000")), "1001", "500", Limit, null, ["-m", "1"]);

        Assert.That(caller.ExitCode, Is.Zero, "the caller stayed in the flow until its own BYE\n" + Log(caller));
        var row = (await CallTable.WaitForAsync(_softswitch)).Single();
        var fields = Fields(row);
        Assert.Multiple(() =>
        {
            Assert.That(row["hangup_side"], Is.EqualTo("caller"));
            Assert.That(row["callee"], Is.EqualTo("flow"), "no agent answered");
            Assert.That(fields["ivr_path"], Does.Contain("sales-queue,unavailable,main-menu"), Log(caller));
            Assert.That((fields["queue"], fields["queue_result"]), Is.EqualTo(("sales", "max_wait")), Log(caller));
        });
    }

    [Test, Description("A wrong key at the main menu: the menu is said again; after its retries the flow says goodbye and hangs up")]
    public async Task Wrong_keys_replay_the_menu_then_the_flow_gives_up_and_hangs_up()
    {
        var caller = await SippCaller.CallAsync(_softswitch, Scenarios.Written("ivr-caller-until-bye.xml",
            ("KEYS_MS", "1500"), ("KEYS", "2777")), "1001", "500", Limit, null, ["-m", "1"]);

        Assert.That(caller.ExitCode, Is.Zero, "the caller got the switch's BYE\n" + Log(caller));
        var row = (await CallTable.WaitForAsync(_softswitch)).Single();
        var fields = Fields(row);
        Assert.Multiple(() =>
        {
            Assert.That(row["hangup_side"], Is.EqualTo("switch"));
            Assert.That(row["callee"], Is.EqualTo("flow"), "nobody was transferred to");
            Assert.That(fields["ivr_path"], Does.Contain("english").And.Contain("goodbye"), Log(caller));
            Assert.That(new string([.. fields["ivr_keys"].Where(char.IsAsciiDigit)]), Is.EqualTo("2777"),
                "the menu took each wrong key (retries: 2) before giving up: " + fields["ivr_path"]);
        });
    }

    [Test, Description("Hot reload: the file is rewritten while a caller waits in the main menu (2 no longer reaches support but says goodbye)")]
    public async Task A_call_in_the_menu_keeps_the_old_flow_and_a_call_after_the_save_takes_the_new_one()
    {
        var support = await SippCallee.StartAsync(_softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer.xml", Limit, ("ANSWER_MS", "300"));
        // The first caller: 2 (English) at 1.5 s, then waits in the main menu until it presses 2 at 6 s.
        var clock = Stopwatch.StartNew();
        var inMenu = SippCaller.CallAsync(_softswitch, Scenarios.Written("ivr-caller-info.xml",
            ("FIRST_MS", "1500"), ("FIRST_KEY", "2"), ("SECOND_MS", "4500"), ("SECOND_KEY", "2"), ("STAY_MS", "5000")),
            "1001", "500", Limit, null, ["-m", "1"]);

        await Task.Delay(TimeSpan.FromSeconds(3) - clock.Elapsed);
        var main = Path.Combine(_flows, "main.yaml");
        var yaml = File.ReadAllText(main);
        const string SupportKey = "      2: support\n";
        Assert.That(yaml, Does.Contain(SupportKey));
        File.WriteAllText(main, yaml.Replace(SupportKey, "      2: goodbye\n"));
        var saved = clock.Elapsed;

        // A second after the save: the new version, where 2 says goodbye and the switch hangs up.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var afterEdit = await SippCaller.CallAsync(_softswitch, Scenarios.Written("ivr-caller-until-bye.xml",
            ("KEYS_MS", "1500"), ("KEYS", "22")), "1001", "500", Limit, null, ["-m", "1"]);
        var first = await inMenu;
        var answered = await support.Run;

        Assert.That(saved, Is.LessThan(TimeSpan.FromSeconds(5.5)), "the file was saved while the first caller waited in the menu");
        Assert.That(first.ExitCode, Is.Zero, Log(first, afterEdit, answered));
        Assert.That(afterEdit.ExitCode, Is.Zero, "the new version hung up on the second caller\n" + Log(first, afterEdit, answered));
        Assert.That(answered.ExitCode, Is.Zero, "1002 rang once, for the call that started on the old version\n" + Log(first, afterEdit, answered));
        var rows = await CallTable.WaitForAsync(_softswitch, 2);
        var old = rows.Single(row => row["callee"] == "1002");
        var edited = rows.Single(row => row["callee"] != "1002");
        Assert.Multiple(() =>
        {
            Assert.That(Fields(old)["ivr_path"], Does.Contain("main-menu:2,support").And.EndWith("support-queue"), "the old version, to the end");
            Assert.That(old["hangup_side"], Is.EqualTo("caller"));
            Assert.That(Fields(edited)["ivr_path"], Does.Contain("main-menu:2,goodbye").And.Not.Contain("support"), "the new version");
            Assert.That(edited["hangup_side"], Is.EqualTo("switch"));
            Assert.That(edited["callee"], Is.EqualTo("flow"));
        });
    }

    private static Dictionary<string, string> Fields(IReadOnlyDictionary<string, string?> row)
    {
        Assert.That(row["application_fields"], Is.Not.Null, "the flow's fields are in the row");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(row["application_fields"]!)!;
    }

    private string Log(params ToolResult[] runs) => string.Join("\n", runs.Select(run => run.ToString())) + "\n" + _softswitch.Output;
}
