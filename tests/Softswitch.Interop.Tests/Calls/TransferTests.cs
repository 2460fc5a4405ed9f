using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Blind transfer (RFC 3515) on the real switch: 1001 calls 1002, 1002 answers and REFERs the call to 1003; the switch
/// accepts, tells 1002 the progress by NOTIFY, connects 1001 to 1003 when it answers, and hangs 1002 up.
/// </summary>
[TestFixture]
public sealed class TransferTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(25);

    [Test, Description("REFER → 202, NOTIFY 100 then 200 (message/sipfrag), BYE to the transferor; the caller talks to 1003")]
    public async Task The_callee_transfers_the_caller_blind_to_another_extension()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(null, SoftswitchProcess.Extension1003);
        var transferor = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-transfer.xml", Limit,
            ("ANSWER_MS", "300"), ("TARGET", "1003"));
        var target = await SippCallee.StartAsync(softswitch, "1003", SoftswitchProcess.Password1003, "callee-answer.xml", Limit, ("ANSWER_MS", "500"));

        var caller = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "1002", Limit, null, "-m", "1", "-d", "5000");
        var (referred, answered) = (await transferor.Run, await target.Run);

        var log = $"caller: {caller}\n1002: {referred}\n1003: {answered}\n{softswitch.Output}";
        Assert.That(caller.ExitCode, Is.Zero, "the caller's call stayed up through the transfer\n" + log);
        Assert.That(referred.ExitCode, Is.Zero, "1002 got 202, both NOTIFYs and the switch's BYE\n" + log);
        Assert.That(answered.ExitCode, Is.Zero, "1003 answered and got the BYE when the caller hung up\n" + log);
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That((row["caller"], row["callee"], row["hangup_side"]), Is.EqualTo(("1001", "1003", "caller")));
    }
}
