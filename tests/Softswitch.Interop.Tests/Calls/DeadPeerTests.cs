using System.Diagnostics;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Issue 9, liveness on two legs: when one party of a bridged call dies (its audio stops, or its dialog is gone) the
/// switch hangs up the other with BYE and writes the call's row with the cause and the side that died. sipp plays both
/// phones: 1001 calls 1002 through the real switch; a short RTP timeout comes from the command line.
/// </summary>
[TestFixture]
public sealed class DeadPeerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Test, Description("RFC 3326: the caller's BYE carries Reason: SIP;cause=408 when the callee went silent")]
    public async Task A_callee_that_stops_sending_audio_gets_the_caller_a_bye_and_the_row_says_rtp_timeout_on_the_callee()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "sipp's play_pcap_audio needs raw sockets (CI runs as root)");
        await using var softswitch = await SoftswitchProcess.StartAsync(null, "--rtp:timeout_seconds=2");
        var callee = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer.xml", Limit, ("ANSWER_MS", "200"));

        // The caller keeps sending the 7 s pcap; the callee answers and never sends a packet.
        var clock = Stopwatch.StartNew();
        var caller = await SippCaller.CallAsync(softswitch, Scenarios.Written("pcap-until-bye.xml", ("REASON_CAUSE", "408")), "1001", "1002", Limit,
            null, "-m", "1");
        clock.Stop();

        Assert.That(caller.ExitCode, Is.Zero, $"the caller got a BYE with Reason cause 408\n{caller}\n{softswitch.Output}");
        Assert.That((await callee.Run).ExitCode, Is.Zero, $"the silent callee got its BYE too\n{softswitch.Output}");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(7)), "ended by the 2 s timeout while the caller was still sending");
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((row["caller"], row["callee"], row["answered_at"] is null), Is.EqualTo(("1001", "1002", false)));
            Assert.That((row["hangup_cause"], row["hangup_side"]), Is.EqualTo(("rtp_timeout", "callee")), "the silent party is blamed, not the one still talking");
            Assert.That((row["caller_codec"], row["callee_codec"]), Is.EqualTo(("PCMA", "PCMU")));
            Assert.That(long.Parse(row["caller_packets_received"]!), Is.GreaterThan(50), "the caller's audio reached the switch");
            Assert.That(row["callee_packets_received"], Is.EqualTo("0"));
        });
    }

    [Test, Description("RFC 3326: the callee's BYE carries Reason: SIP;cause=408 when the caller went silent")]
    public async Task A_caller_that_stops_sending_audio_gets_the_callee_a_bye_and_the_row_says_rtp_timeout_on_the_caller()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "sipp's play_pcap_audio needs raw sockets (CI runs as root)");
        await using var softswitch = await SoftswitchProcess.StartAsync(null, "--rtp:timeout_seconds=2");
        var callee = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer-pcap.xml", Limit);

        // Now the callee talks (the 7 s pcap) and the caller is the one that never sends a packet.
        var caller = await SippCaller.CallAsync(softswitch, "silent-until-bye.xml", "1001", "1002", Limit, null, "-m", "1");
        var answered = await callee.Run;

        Assert.That(caller.ExitCode, Is.Zero, $"the silent caller got a BYE with Reason cause 408\n{caller}\n{softswitch.Output}");
        Assert.That(answered.ExitCode, Is.Zero, $"the talking callee got a BYE with Reason cause 408\n{answered}\n{softswitch.Output}");
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((row["hangup_cause"], row["hangup_side"]), Is.EqualTo(("rtp_timeout", "caller")));
            Assert.That(double.Parse(row["duration_seconds"]!, System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(7),
                "ended by the 2 s timeout while the callee was still sending");
            Assert.That(long.Parse(row["callee_packets_received"]!), Is.GreaterThan(50), "the callee's audio reached the switch");
            Assert.That(row["caller_packets_received"], Is.EqualTo("0"));
        });
    }

    [Test, Description("RFC 5057 §5.1: 481 to a request in the INVITE dialog ends the dialog; the other leg gets BYE")]
    public async Task A_callee_that_answers_481_to_a_passed_on_info_ends_the_call_and_the_row_says_failed_on_the_callee()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(null);
        var callee = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer-info-481.xml", Limit);

        var caller = await SippCaller.CallAsync(softswitch, "call-info-until-bye.xml", "1001", "1002", Limit, null, "-m", "1");

        Assert.That(caller.ExitCode, Is.Zero, $"the caller got the switch's BYE\n{caller}\n{softswitch.Output}");
        Assert.That((await callee.Run).ExitCode, Is.Zero, $"the callee saw the INFO\n{softswitch.Output}");
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((row["caller"], row["callee"], row["answered_at"] is null), Is.EqualTo(("1001", "1002", false)));
            Assert.That((row["hangup_cause"], row["hangup_side"]), Is.EqualTo(("failed", "callee")));
        });
    }
}
