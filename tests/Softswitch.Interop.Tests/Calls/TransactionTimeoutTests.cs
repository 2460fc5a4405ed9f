using System.Diagnostics;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Issue 9, liveness on two legs: a registered phone that has gone away. The switch's INVITE to it is never answered
/// (Timer B, RFC 3261 §17.1.1.2) or its BYE is never answered (Timer F, §17.1.2.2); either way the call ends, its row
/// is written and nothing stays behind: with <c>limits.max_calls=1</c> the next call still gets through, and SIGTERM
/// stops the switch at once instead of waiting out the shutdown grace for a call left in the registry. T1 is 100 ms
/// here (<c>sip.t1_ms</c>), so 64·T1 is 6.4 s instead of 32 s.
/// </summary>
[TestFixture]
public sealed class TransactionTimeoutTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SixtyFourT1 = TimeSpan.FromMilliseconds(6400);

    private static readonly string[] Settings =
        ["--sip:t1_ms=100", "--limits:max_calls=1", "--limits:max_calls_per_extension=0", "--limits:shutdown_grace_seconds=20"];

    [Test, Description("RFC 3261 §17.1.1.2: Timer B ends the fork as 408; with no answer from any contact the caller gets 480 (§16.7)")]
    public async Task An_invite_to_a_registered_contact_that_never_answers_gives_the_caller_480_after_timer_b_and_leaves_nothing_behind()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, Settings);
        // 1002 registers from a port that is closed again at once: the INVITE goes there and nothing ever answers.
        using (var phone = new RawSipPhone("127.0.0.1", softswitch.Port, FreePort.ForUdp()))
        {
            var (status, _) = await phone.RegisterAsync("1002", SoftswitchProcess.Password1002, qop: true, TimeSpan.FromSeconds(5));
            Assert.That(status, Is.EqualTo(200), softswitch.Output);
        }

        var clock = Stopwatch.StartNew();
        var caller = await SippCaller.CallAsync(softswitch, Scenarios.Written("caller-refused.xml", ("EXPECTED", "480")), "1001", "1002", Limit,
            null, "-m", "1");
        clock.Stop();

        Assert.That(caller.ExitCode, Is.Zero, $"the caller got 480\n{caller}\n{softswitch.Output}");
        Assert.That(clock.Elapsed, Is.InRange(SixtyFourT1, SixtyFourT1 + TimeSpan.FromSeconds(4)),
            $"refused when Timer B fired, long before the 30 s ring time\n{softswitch.Output}");
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((row["caller"], row["dialled"], row["answered_at"]), Is.EqualTo(("1001", "1002", (string?)null)), softswitch.Output);
            Assert.That((row["hangup_cause"], row["hangup_side"], row["sip_status"]), Is.EqualTo(("unavailable", "callee", "480")), softswitch.Output);
        });
        await AssertNothingLeftAsync(softswitch);
    }

    [Test, Description("RFC 3261 §17.1.2.2: a BYE nobody answers ends by Timer F; the call is over for the caller at once")]
    public async Task A_callee_gone_before_the_bye_still_has_the_call_ended_and_its_row_written_at_once()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, Settings);
        var callee = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer-then-vanish.xml", Limit,
            ("ANSWER_MS", "200"));

        var caller = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "1002", Limit, null, "-m", "1", "-d", "1500");
        var answered = await callee.Run;

        Assert.That(answered.ExitCode, Is.Zero, $"the callee answered and left\n{answered}\n{softswitch.Output}");
        Assert.That(caller.ExitCode, Is.Zero, $"the caller's BYE was answered though the callee's never will be\n{caller}\n{softswitch.Output}");
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((row["caller"], row["callee"], row["answered_at"] is null), Is.EqualTo(("1001", "1002", false)), softswitch.Output);
            Assert.That((row["hangup_cause"], row["hangup_side"]), Is.EqualTo(("normal", "caller")), softswitch.Output);
            Assert.That(double.Parse(row["duration_seconds"]!, System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(SixtyFourT1.TotalSeconds),
                "the row did not wait for the unanswered BYE's Timer F");
        });
        await AssertNothingLeftAsync(softswitch);
    }

    /// <summary>
    /// The one call slot is free again (an echo call is answered), and SIGTERM finds no call in the registry: the switch
    /// exits well within the 20 s shutdown grace it would give a call still listed.
    /// </summary>
    private static async Task AssertNothingLeftAsync(SoftswitchProcess softswitch)
    {
        var echo = await SippCaller.RunAsync(softswitch, "call-pause-bye.xml", "1001", Limit, null, "-m", "1", "-d", "200");
        Assert.That(echo.ExitCode, Is.Zero, $"the next call got the only call slot\n{echo}\n{softswitch.Output}");

        var clock = Stopwatch.StartNew();
        Posix.Terminate(softswitch.ProcessId);
        var exitCode = await softswitch.WaitForExitAsync(TimeSpan.FromSeconds(30));
        clock.Stop();
        Assert.That((exitCode, clock.Elapsed < TimeSpan.FromSeconds(8)), Is.EqualTo((0, true)),
            $"stopped at once ({clock.Elapsed.TotalSeconds:0.0} s): no call left in the registry\n{softswitch.Output}");
    }
}
