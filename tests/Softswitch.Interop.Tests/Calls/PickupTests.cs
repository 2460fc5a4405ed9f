using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>Group call pickup (*8) on the real switch: 1001 calls 1002, whose phone rings; 1003 dials *8 and gets the call.</summary>
[TestFixture]
public sealed class PickupTests
{
    private const string Password1003 = SoftswitchProcess.Password1003;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private SoftswitchProcess? _softswitch;

    private async Task<SoftswitchProcess> StartAsync(params string[] overrides) => _softswitch = await SoftswitchProcess.StartAsync(null,
    [
        .. SoftswitchProcess.Extension1003, .. overrides,
    ]);

    [TearDown]
    public async Task StopSwitch()
    {
        if (_softswitch is not null) await _softswitch.DisposeAsync();
    }

    [Test, Description("The ringing phone is cancelled, the caller is answered and bridged to the picking phone; its BYE ends the call")]
    public async Task Star_8_picks_up_a_call_ringing_in_the_same_group()
    {
        var softswitch = await StartAsync();
        var ringing = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-ring-until-cancel.xml", Limit);
        var caller = SippCaller.CallAsync(softswitch, "echo-wait-for-bye.xml", "1001", "1002", Limit, null, "-m", "1");
        await Task.Delay(1500);

        var picker = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1003", "*8", Limit, null, "-m", "1", "-d", "1000");

        var (called, cancelled) = (await caller, await ringing.Run);
        var log = $"picker: {picker}\ncaller: {called}\n1002: {cancelled}\n{softswitch.Output}";
        Assert.That(picker.ExitCode, Is.Zero, "1003's *8 was answered\n" + log);
        Assert.That(called.ExitCode, Is.Zero, "1001 was answered, then got BYE when 1003 hung up\n" + log);
        Assert.That(cancelled.ExitCode, Is.Zero, "1002's ringing phone was cancelled\n" + log);
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That((row["caller"], row["dialled"], row["callee"], row["hangup_side"]), Is.EqualTo(("1001", "1002", "1003", "callee")));
    }

    [Test]
    public async Task Star_8_with_nothing_ringing_in_the_group_gets_480()
    {
        var softswitch = await StartAsync("--extensions:2:pickup_group=warehouse");
        var ringing = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-ring-until-cancel.xml", Limit);
        var caller = SippCaller.CallAsync(softswitch, "cancel-before-answer.xml", "1001", "1002", Limit, null, "-m", "1");
        await Task.Delay(300);

        var picker = await SippCaller.CallAsync(softswitch, Scenarios.Written("caller-refused.xml", ("EXPECTED", "480")), "1003", "*8", Limit, null,
            "-m", "1");

        Assert.That(picker.ExitCode, Is.Zero, "1003 is in another pickup group: nothing to pick up\n" + picker + softswitch.Output);
        await caller;
        await ringing.Run;
    }
}
