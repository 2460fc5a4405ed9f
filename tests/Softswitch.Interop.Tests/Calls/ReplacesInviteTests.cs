using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// An INVITE with Replaces (RFC 3891) at the switch: 1001 calls 1002; 1002 then sends a new INVITE whose Replaces names
/// its own dialog with the switch (a phone pulling the call to another device). The switch answers it, hangs up the
/// old dialog and bridges the caller to the new one.
/// </summary>
[TestFixture]
public sealed class ReplacesInviteTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(25);

    [Test, Description("RFC 3891 §3: the new INVITE is answered 200, the replaced dialog gets BYE, the caller's BYE reaches the new dialog")]
    public async Task A_phone_takes_over_its_call_with_an_invite_that_replaces_its_dialog()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(null);
        var puller = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-pulls-call.xml", Limit,
            ["-au", "1002", "-ap", SoftswitchProcess.Password1002, "-auth_uri", $"1002@127.0.0.1:{softswitch.Port}"],
            ("ANSWER_MS", "300"), ("SWITCH", $"127.0.0.1:{softswitch.Port}"));

        var caller = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "1002", Limit, null, "-m", "1", "-d", "4000");
        var pulled = await puller.Run;

        var log = $"caller: {caller}\n1002: {pulled}\n{softswitch.Output}";
        Assert.That(caller.ExitCode, Is.Zero, "the caller's call stayed up and its BYE was answered\n" + log);
        Assert.That(pulled.ExitCode, Is.Zero, "1002's new INVITE got 200, the old dialog BYE, the new one the caller's BYE\n" + log);
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That((row["caller"], row["callee"], row["hangup_cause"], row["hangup_side"]), Is.EqualTo(("1001", "1002", "normal", "caller")), log);
    }
}
