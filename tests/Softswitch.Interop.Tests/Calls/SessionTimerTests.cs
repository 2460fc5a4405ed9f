using System.Diagnostics;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Issue 9, liveness on two legs: a session timer (RFC 4028) that runs out on one leg of a bridged call ends the whole
/// call. sipp plays both phones: 1001 calls 1002, whose phone grants the switch a short session timer with itself as the
/// refresher and then never refreshes. The switch's RFC minimum (Min-SE 90 s) binds what it grants, not what a callee
/// grants it, so a few seconds here are what a careless phone would really send. The other way round, 1001's phone asks
/// the switch for the shortest timer it grants (90 s) as the refresher and never refreshes: a minute's test.
/// </summary>
[TestFixture]
public sealed class SessionTimerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Test, Description("RFC 4028 §10: the non-refresher sends BYE when no refresh came by the interval minus min(32 s, interval/3); RFC 3326 Reason on both BYEs")]
    public async Task A_callee_that_never_refreshes_the_session_timer_it_granted_gets_the_call_ended_and_the_row_says_session_timer_on_the_callee()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(null);
        var callee = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-session-timer-lapses.xml", Limit,
            ("SECONDS", "4"));

        // The caller sends no audio and asks for no session timer: only the callee's lapsed timer can end this call
        // (the RTP timeout is far longer than the test).
        var clock = Stopwatch.StartNew();
        var caller = await SippCaller.CallAsync(softswitch, "silent-until-bye.xml", "1001", "1002", Limit, null, "-m", "1");
        clock.Stop();
        var answered = await callee.Run;

        var log = $"caller: {caller}\ncallee: {answered}\n{softswitch.Output}";
        Assert.That(answered.ExitCode, Is.Zero, "the callee got the switch's BYE with Reason 'Session timer expired' within the 4 s interval\n" + log);
        Assert.That(caller.ExitCode, Is.Zero, "the caller got a BYE with Reason cause 408\n" + log);
        Assert.That(clock.Elapsed, Is.InRange(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8)),
            "ended at 4 s − 4/3 s after the answer, not at once and not by some later timer\n" + log);
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((row["caller"], row["callee"], row["answered_at"] is null), Is.EqualTo(("1001", "1002", false)), log);
            Assert.That((row["hangup_cause"], row["hangup_side"]), Is.EqualTo(("session_timer", "callee")), log);
            Assert.That(double.Parse(row["duration_seconds"]!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(2.0, 5.0), log);
        });
    }

    [Test, Description("RFC 4028 §10: the switch as the non-refresher of a caller's 90 s timer sends BYE by 90 − min(32 s, 90/3) = 60 s; RFC 3326 Reason on both BYEs")]
    public async Task A_caller_that_never_refreshes_the_session_timer_it_asked_for_gets_the_call_ended_and_the_row_says_session_timer_on_the_caller()
    {
        var limit = TimeSpan.FromSeconds(90);
        // The RTP timeout is pushed past the test: neither phone sends audio, and only the lapsed timer may end the call.
        await using var softswitch = await SoftswitchProcess.StartAsync(null, "--rtp:timeout_seconds=300");
        var callee = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer.xml", limit, ("ANSWER_MS", "100"));

        var clock = Stopwatch.StartNew();
        var caller = await SippCaller.CallAsync(softswitch, "caller-session-timer-lapses.xml", "1001", "1002", limit, null, "-m", "1");
        clock.Stop();
        var answered = await callee.Run;

        var log = $"caller: {caller}\ncallee: {answered}\n{softswitch.Output}";
        Assert.That(caller.ExitCode, Is.Zero, "the switch granted 90 s with the caller as refresher, then sent BYE with Reason 'Session timer expired'\n" + log);
        Assert.That(answered.ExitCode, Is.Zero, "the callee got a BYE too\n" + log);
        Assert.That(clock.Elapsed, Is.InRange(TimeSpan.FromSeconds(58), TimeSpan.FromSeconds(68)),
            "ended 60 s after the answer, not at once and not by the RTP timeout\n" + log);
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((row["caller"], row["callee"], row["answered_at"] is null), Is.EqualTo(("1001", "1002", false)), log);
            Assert.That((row["hangup_cause"], row["hangup_side"]), Is.EqualTo(("session_timer", "caller")), log);
            Assert.That(double.Parse(row["duration_seconds"]!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(58.0, 63.0), log);
        });
    }
}
