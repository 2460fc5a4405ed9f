using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>Ring groups (ring_all, in_order, fallback) against sipp phones on the real switch: 1001 dials the group 600.</summary>
[TestFixture]
public sealed class RingGroupTests
{
    private const string Password1003 = SoftswitchProcess.Password1003;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private SoftswitchProcess? _softswitch;

    private async Task<SoftswitchProcess> StartAsync(params string[] group)
    {
        _softswitch = await SoftswitchProcess.StartAsync(null,
        [
            .. SoftswitchProcess.Extension1003,
            "--ring_groups:0:number=600", "--ring_groups:0:name=Sales",
            .. group.Select(setting => "--ring_groups:0:" + setting),
        ]);
        return _softswitch;
    }

    [TearDown]
    public async Task StopSwitch()
    {
        if (_softswitch is not null) await _softswitch.DisposeAsync();
    }

    private static Task<SippCallee> Ringing(SoftswitchProcess softswitch, string extension, string password) =>
        SippCallee.StartAsync(softswitch, extension, password, "callee-ring-until-cancel.xml", Limit);

    private static Task<SippCallee> Answering(SoftswitchProcess softswitch, string extension, string password, int afterMs) =>
        SippCallee.StartAsync(softswitch, extension, password, "callee-answer.xml", Limit, ("ANSWER_MS", afterMs.ToString()));

    private static Task<ToolResult> CallGroup(SoftswitchProcess softswitch) =>
        SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "600", Limit, null, "-m", "1", "-d", "1000");

    private static void AssertAllPassed(SoftswitchProcess softswitch, ToolResult caller, params (string What, ToolResult Run)[] phones)
    {
        var log = string.Join("\n", phones.Select(p => $"{p.What}: {p.Run}")) + $"\ncaller: {caller}\n{softswitch.Output}";
        Assert.That(caller.ExitCode, Is.Zero, log);
        foreach (var (what, run) in phones) Assert.That(run.ExitCode, Is.Zero, what + "\n" + log);
    }

    [Test, Description("ring_all: both members ring at once; 1003 answers, 1002 is cancelled")]
    public async Task Ring_all_rings_every_member_and_cancels_the_others_on_answer()
    {
        var softswitch = await StartAsync("strategy=ring_all", "members:0=1002", "members:1=1003");
        var ringing = await Ringing(softswitch, "1002", SoftswitchProcess.Password1002);
        var answering = await Answering(softswitch, "1003", Password1003, 800);
        var caller = await CallGroup(softswitch);
        AssertAllPassed(softswitch, caller, ("1002 cancelled", await ringing.Run), ("1003 answered", await answering.Run));
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That((row["dialled"], row["route_target"], row["callee"]), Is.EqualTo(("600", "ring_group", "1003")));
    }

    [Test, Description("in_order: 1002 rings for member_ring_seconds and is cancelled, then 1003 rings and answers")]
    public async Task In_order_rings_the_next_member_after_the_member_ring_time()
    {
        var softswitch = await StartAsync("strategy=in_order", "members:0=1002", "members:1=1003", "member_ring_seconds=2");
        var first = await Ringing(softswitch, "1002", SoftswitchProcess.Password1002);
        var second = await Answering(softswitch, "1003", Password1003, 300);
        var caller = await CallGroup(softswitch);
        AssertAllPassed(softswitch, caller, ("1002 rang first, then cancelled", await first.Run), ("1003 answered", await second.Run));
    }

    [Test, Description("Nobody in the group answers within ring_seconds: the fallback extension gets the call")]
    public async Task The_fallback_takes_the_call_nobody_in_the_group_answered()
    {
        var softswitch = await StartAsync("strategy=ring_all", "members:0=1002", "ring_seconds=2", "fallback=1003");
        var member = await Ringing(softswitch, "1002", SoftswitchProcess.Password1002);
        var fallback = await Answering(softswitch, "1003", Password1003, 300);
        var caller = await CallGroup(softswitch);
        AssertAllPassed(softswitch, caller, ("1002 cancelled", await member.Run), ("1003 answered as fallback", await fallback.Run));
    }
}
