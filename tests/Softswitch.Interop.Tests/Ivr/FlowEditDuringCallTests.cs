using System.Diagnostics;
using System.Text.Json;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Ivr;

/// <summary>
/// Hot reload in the real switch: the demo flow's file is rewritten while a caller waits in the main menu (key 2 no
/// longer reaches support but says goodbye). The call already in the menu finishes on the version it started with
/// (2 still rings 1002); a call placed a second after the save follows the new version.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class FlowEditDuringCallTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(40);

    private SoftswitchProcess _softswitch = null!;
    private string _flows = null!;

    [SetUp]
    public async Task StartSwitch()
    {
        _flows = DemoFlowFolder.CopyOpenAllWeek();
        _softswitch = await SoftswitchProcess.StartAsync("""
            routes:
              - match: "500"
                flow: main
            """, $"--ivr:flows={_flows}", "--limits:max_calls_per_extension=0");
    }

    [TearDown]
    public async Task StopSwitch()
    {
        await _softswitch.DisposeAsync();
        Directory.Delete(_flows, recursive: true);
    }

    [Test]
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
            Assert.That(IvrPath(old), Does.Contain("main-menu:2,support").And.EndWith("dial-support"), "the old version, to the end");
            Assert.That(old["hangup_side"], Is.EqualTo("caller"));
            Assert.That(IvrPath(edited), Does.Contain("main-menu:2,goodbye").And.Not.Contain("support"), "the new version");
            Assert.That(edited["hangup_side"], Is.EqualTo("switch"));
            Assert.That(edited["callee"], Is.EqualTo("flow"));
        });
    }

    private static string IvrPath(IReadOnlyDictionary<string, string?> row) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(row["application_fields"]!)!["ivr_path"];

    private string Log(params ToolResult[] runs) => string.Join("\n", runs.Select(run => run.ToString())) + "\n" + _softswitch.Output;
}
