using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>Per-extension forwarding and do-not-disturb from the configuration, against sipp phones on the real switch.</summary>
[TestFixture]
public sealed class ForwardingTests
{
    private const string Password1003 = SoftswitchProcess.Password1003;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private SoftswitchProcess? _softswitch;

    private async Task<SoftswitchProcess> StartAsync(params string[] for1002)
    {
        _softswitch = await SoftswitchProcess.StartAsync(null,
        [
            .. SoftswitchProcess.Extension1003,
            .. for1002.Select(setting => "--extensions:1:" + setting),
        ]);
        return _softswitch;
    }

    [TearDown]
    public async Task StopSwitch()
    {
        if (_softswitch is not null) await _softswitch.DisposeAsync();
    }

    private static Task<ToolResult> Call(SoftswitchProcess softswitch, string scenario, params (string, string)[] values) =>
        SippCaller.CallAsync(softswitch, values.Length == 0 ? scenario : Scenarios.Written(scenario, values), "1001", "1002", Limit, null,
            "-m", "1", "-d", "1000");

    [Test, Description("ring_seconds 2, then forward_no_answer: the first phone is cancelled and 1003 answers the caller")]
    public async Task An_unanswered_call_forwards_to_the_no_answer_destination()
    {
        var softswitch = await StartAsync("ring_seconds=2", "forward_no_answer=1003");
        var ringing = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-ring-until-cancel.xml", Limit);
        var forwardedTo = await SippCallee.StartAsync(softswitch, "1003", Password1003, "callee-answer.xml", Limit, ("ANSWER_MS", "300"));
        var caller = await Call(softswitch, "call-pause-bye.xml");
        var (cancelled, answered) = (await ringing.Run, await forwardedTo.Run);
        var log = $"{caller}\n{cancelled}\n{answered}\n{softswitch.Output}";
        Assert.That(caller.ExitCode, Is.Zero, log);
        Assert.That(cancelled.ExitCode, Is.Zero, "1002 was cancelled after its ring time\n" + log);
        Assert.That(answered.ExitCode, Is.Zero, "1003 answered and got the BYE\n" + log);
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That((row["dialled"], row["callee"], row["hangup_cause"]), Is.EqualTo(("1002", "1003", "normal")));
    }

    [Test, Description("forward_busy: 1002's 486 sends the call on to 1003")]
    public async Task A_busy_extension_forwards_to_the_busy_destination()
    {
        var softswitch = await StartAsync("forward_busy=1003");
        var busy = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-refuse.xml", Limit, ("STATUS", "486"));
        var forwardedTo = await SippCallee.StartAsync(softswitch, "1003", Password1003, "callee-answer.xml", Limit, ("ANSWER_MS", "300"));
        var caller = await Call(softswitch, "call-pause-bye.xml");
        var log = $"{caller}\n{await busy.Run}\n{softswitch.Output}";
        Assert.That(caller.ExitCode, Is.Zero, log);
        Assert.That((await forwardedTo.Run).ExitCode, Is.Zero, log);
    }

    [Test, Description("dnd: nothing rings, the caller gets 486")]
    public async Task Do_not_disturb_refuses_the_call_busy_without_ringing()
    {
        var softswitch = await StartAsync("dnd=true");
        var phone = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer.xml", TimeSpan.FromSeconds(4),
            ("ANSWER_MS", "100"));
        var caller = await Call(softswitch, "caller-refused.xml", ("EXPECTED", "486"));
        Assert.That(caller.ExitCode, Is.Zero, $"{caller}\n{softswitch.Output}");
        Assert.That((await phone.Run).ExitCode, Is.Not.Zero, "the phone in do-not-disturb never got an INVITE (its sipp timed out)");
    }

    [Test, Description("dnd with forward_busy: the call goes to 1003 without ringing 1002")]
    public async Task Do_not_disturb_with_a_busy_forward_sends_the_call_there()
    {
        var softswitch = await StartAsync("dnd=true", "forward_busy=1003");
        var forwardedTo = await SippCallee.StartAsync(softswitch, "1003", Password1003, "callee-answer.xml", Limit, ("ANSWER_MS", "300"));
        var caller = await Call(softswitch, "call-pause-bye.xml");
        Assert.That(caller.ExitCode, Is.Zero, $"{caller}\n{softswitch.Output}");
        Assert.That((await forwardedTo.Run).ExitCode, Is.Zero, softswitch.Output);
    }
}
