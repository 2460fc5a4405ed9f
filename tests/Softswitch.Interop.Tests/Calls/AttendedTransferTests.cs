using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Attended transfer (RFC 5589 §7, RFC 3891) on the real switch, all three phones played by sipp: 1001 calls 1002
/// (call 1); 1002 holds it, calls 1003 (call 2), and REFERs call 1 to 1003 with Replaces naming call 2. The switch joins
/// 1001 and 1003 inside itself (both are its legs already), hangs 1002 up in both calls and tells it by NOTIFY. 1001
/// sends A-law audio the whole time; 1003 answered in μ-law: after the transfer the switch transcodes 1001's audio to 1003.
/// </summary>
[TestFixture]
public sealed class AttendedTransferTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(25);

    [Test, Description("RFC 3891 §3, RFC 5589 §7: REFER with Replaces → 202, NOTIFY 200 sipfrag, BYE to the transferor in both calls; the caller's BYE reaches the target")]
    public async Task The_callee_hands_the_caller_over_to_the_call_it_made_to_a_third_extension()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(null, SoftswitchProcess.Extension1003);
        var target = await SippCallee.StartAsync(softswitch, "1003", SoftswitchProcess.Password1003, "callee-answer.xml", Limit, ("ANSWER_MS", "300"));
        var transferor = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "transferor-attended.xml", Limit,
            ["-au", "1002", "-ap", SoftswitchProcess.Password1002, "-auth_uri", $"1003@127.0.0.1:{softswitch.Port}"],
            ("ANSWER_MS", "300"), ("TARGET", "1003"), ("SWITCH", $"127.0.0.1:{softswitch.Port}"));

        var caller = await SippCaller.CallAsync(softswitch, "call-pcap-bye.xml", "1001", "1002", Limit, null, "-m", "1", "-d", "5000");
        var (referred, answered) = (await transferor.Run, await target.Run);

        var log = $"caller: {caller}\n1002: {referred}\n1003: {answered}\n{softswitch.Output}";
        Assert.That(caller.ExitCode, Is.Zero, "the caller's call stayed up through the transfer and its BYE was answered\n" + log);
        Assert.That(referred.ExitCode, Is.Zero, "1002 got 202, a NOTIFY with 200 and the switch's BYE in both calls\n" + log);
        Assert.That(answered.ExitCode, Is.Zero, "1003 answered call 2 and got the BYE when the caller (now talking to it) hung up\n" + log);

        var rows = await CallTable.WaitForAsync(softswitch, 2);
        foreach (var row in rows) TestContext.Out.WriteLine(string.Join(", ", row.Select(column => $"{column.Key}={column.Value}")));
        var consultation = rows.Single(row => row["caller"] == "1002");
        var transferred = rows.Single(row => row["caller"] == "1001");
        Assert.That((consultation["callee"], consultation["hangup_cause"], consultation["hangup_side"]), Is.EqualTo(("1003", "transferred", "caller")),
            "call 2 ended because 1002 handed 1003 over\n" + log);
        Assert.That((transferred["callee"], transferred["hangup_cause"], transferred["hangup_side"]), Is.EqualTo(("1003", "normal", "caller")),
            "call 1 ended with 1001 talking to 1003\n" + log);

        // 1001's audio reached 1003 through the switch: 1003's leg (the one call 2 handed over) sent it on for the seconds
        // between the transfer and the caller's BYE; while 1002 held call 1 and talked to 1003, nothing went to 1003.
        Assert.That(long.Parse(transferred["caller_packets_received"]!), Is.GreaterThan(100), "1001's audio reached the switch\n" + log);
        Assert.That(long.Parse(transferred["callee_packets_sent"]!), Is.GreaterThan(100), "the switch relayed 1001's audio to 1003\n" + log);
        Assert.That(long.Parse(consultation["callee_packets_sent"]!), Is.LessThan(20), "1002 sent 1003 no audio before the transfer\n" + log);
    }

    [Test, Description("RFC 3891 §3: Replaces naming no dialog of the switch → 202, NOTIFY 481 sipfrag; the call goes on as it was")]
    public async Task A_refer_replacing_a_dialog_the_switch_does_not_have_fails_and_the_call_goes_on()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(null, SoftswitchProcess.Extension1003);
        // callee-transfer.xml with a Refer-To carrying Replaces (its "@softswitch.test" tail lands in an ignored
        // parameter), expecting the final NOTIFY to say 481; the BYE it waits for then comes from the caller's hang-up.
        var transferor = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-transfer.xml", Limit,
            ("ANSWER_MS", "300"), ("TARGET", "1003@softswitch.test?Replaces=no-such-call%3Bto-tag%3Dx%3Bfrom-tag%3Dy%3Bignored%3D"),
            ("regexp=\"SIP/2.0 200\"", "regexp=\"SIP/2.0 481\""));

        var caller = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "1002", Limit, null, "-m", "1", "-d", "4000");
        var referred = await transferor.Run;

        var log = $"caller: {caller}\n1002: {referred}\n{softswitch.Output}";
        Assert.That(caller.ExitCode, Is.Zero, "the caller's call stayed up and its BYE was answered\n" + log);
        Assert.That(referred.ExitCode, Is.Zero, "1002 got 202, NOTIFY 100 and NOTIFY 481, then the caller's BYE\n" + log);
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That((row["caller"], row["callee"], row["hangup_cause"], row["hangup_side"]), Is.EqualTo(("1001", "1002", "normal", "caller")), log);
    }
}
