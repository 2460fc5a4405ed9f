using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Feature codes dialled from a phone on the real switch: *78/*79 do-not-disturb, *72NUMBER/*73 forward-always; the
/// change is answered with a confirmation, applies to the next call, and survives a restart (extension_settings).
/// </summary>
[TestFixture]
public sealed class FeatureCodeTests
{
    private const string Password1003 = SoftswitchProcess.Password1003;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private SoftswitchProcess _softswitch = null!;

    [SetUp]
    public async Task StartSwitch() => _softswitch = await SoftswitchProcess.StartAsync(null,
        "--extensions:2:number=1003", $"--extensions:2:password={Password1003}", "--extensions:2:name=Interop Three");

    [TearDown]
    public async Task StopSwitch() => await _softswitch.DisposeAsync();

    /// <summary>1002 dials the code: answered (a confirmation prompt), and sipp hangs up.</summary>
    private async Task DialCodeAsync(string code)
    {
        var result = await SippCaller.CallAsync(_softswitch, "call-pause-bye.xml", "1002", code, Limit, null, "-m", "1", "-d", "100");
        Assert.That(result.ExitCode, Is.Zero, $"{code} answered\n{result}\n{_softswitch.Output}");
    }

    private Task<ToolResult> CallExpecting(int status) =>
        SippCaller.CallAsync(_softswitch, Scenarios.Written("caller-refused.xml", ("EXPECTED", status.ToString())), "1001", "1002", Limit, null, "-m", "1");

    private Task<ToolResult> CallAnswered() =>
        SippCaller.CallAsync(_softswitch, "call-pause-bye.xml", "1001", "1002", Limit, null, "-m", "1", "-d", "500");

    private Task<SippCallee> Answering(string extension, string password) =>
        SippCallee.StartAsync(_softswitch, extension, password, "callee-answer.xml", Limit, ("ANSWER_MS", "200"));

    /// <summary>A row as caller&gt;dialled, who answered, cause/side, and answered or the status the caller got.</summary>
    private static string Summary(IReadOnlyDictionary<string, string?> row) =>
        $"{row["caller"]}>{row["dialled"]} {row["callee"] ?? "-"} {row["hangup_cause"]}/{row["hangup_side"]} {(row["answered_at"] is null ? row["sip_status"] : "answered")}";

    [Test]
    public async Task Star_78_turns_do_not_disturb_on_and_star_79_off_again()
    {
        await DialCodeAsync("*78");
        var refused = await CallExpecting(486);
        Assert.That(refused.ExitCode, Is.Zero, "1002 in do-not-disturb: 486\n" + refused + _softswitch.Output);

        await DialCodeAsync("*79");
        var phone = await Answering("1002", SoftswitchProcess.Password1002);
        var answered = await CallAnswered();
        Assert.That(answered.ExitCode, Is.Zero, answered + _softswitch.Output);
        Assert.That((await phone.Run).ExitCode, Is.Zero, _softswitch.Output);

        var rows = await CallTable.WaitForAsync(_softswitch, 4);
        Assert.That(rows.Select(Summary), Is.EqualTo(new[]
        {
            "1002>*78 feature_code normal/caller answered", "1001>1002 - busy/callee 486", "1002>*79 feature_code normal/caller answered",
            "1001>1002 1002 normal/caller answered",
        }), _softswitch.Output);
    }

    [Test]
    public async Task Star_72_forwards_every_call_to_another_extension_and_star_73_stops_it()
    {
        await DialCodeAsync("*721003");
        var forwardedTo = await Answering("1003", Password1003);
        var forwarded = await CallAnswered();
        Assert.That(forwarded.ExitCode, Is.Zero, forwarded + _softswitch.Output);
        Assert.That((await forwardedTo.Run).ExitCode, Is.Zero, "1003 answered 1002's call\n" + _softswitch.Output);

        await DialCodeAsync("*73");
        var unregistered = await CallExpecting(480);
        Assert.That(unregistered.ExitCode, Is.Zero, "forwarding off: 1002 itself (no phone registered) answers 480\n" + unregistered + _softswitch.Output);

        var rows = await CallTable.WaitForAsync(_softswitch, 4);
        Assert.That(rows.Select(Summary), Is.EqualTo(new[]
        {
            "1002>*721003 feature_code normal/caller answered", "1001>1002 1003 normal/caller answered", "1002>*73 feature_code normal/caller answered",
            "1001>1002 - unavailable/callee 480",
        }), _softswitch.Output);
    }

    [Test]
    public async Task Forwarding_to_a_number_that_is_no_extension_is_refused_404()
    {
        var result = await SippCaller.CallAsync(_softswitch, Scenarios.Written("caller-refused.xml", ("EXPECTED", "404")), "1002", "*729999", Limit,
            null, "-m", "1");
        Assert.That(result.ExitCode, Is.Zero, result + _softswitch.Output);
    }

    [Test, Description("The change is a row in extension_settings, read back at the next start")]
    public async Task Do_not_disturb_set_from_the_phone_survives_a_restart()
    {
        await DialCodeAsync("*78");
        await Task.Delay(500); // the row is written off the SIP path
        Assert.That(await _softswitch.RestartAsync(), Is.Zero, _softswitch.Output);

        var rows = await SwitchDatabase.QueryAsync(_softswitch.DatabasePath, "SELECT extension, dnd FROM extension_settings", r => $"{r.GetString(0)}:{r.GetInt64(1)}");
        Assert.That(rows, Is.EqualTo(new[] { "1002:1" }));
        var refused = await CallExpecting(486);
        Assert.That(refused.ExitCode, Is.Zero, refused + _softswitch.Output);
    }
}
