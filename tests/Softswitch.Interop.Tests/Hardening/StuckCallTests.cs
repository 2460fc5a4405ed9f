using System.Diagnostics;
using Softswitch.Interop.Tests.Support;
using Softswitch.Media.Tests.Rtp;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>
/// Issue 8 finding 3: calls that are answered and never hung up held their media for good. Now a silent call is ended
/// by BYE with a Reason (rtp.timeout_seconds) and its ports come back, a held call is kept (rtp.hold_timeout_seconds),
/// a call that keeps sending ends at limits.max_call_seconds, and one extension cannot hold more than
/// limits.max_calls_per_extension calls. Short values come from command-line overrides.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class StuckCallTests
{
    private static readonly TimeSpan s_sippTimeout = TimeSpan.FromSeconds(30);

    [Test, Description("RFC 3326: the BYE carries Reason: SIP;cause=408")]
    public async Task Silent_calls_are_hung_up_with_the_reason_and_their_ports_serve_new_calls()
    {
        // Three port pairs: two silent calls and the good phone fit; three more calls fit only if the silent ones gave theirs back.
        var first = FreeUdpPortRange.Find(6);
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml,
            $"--rtp:port_min={first}", $"--rtp:port_max={first + 5}", "--rtp:timeout_seconds=2");

        var clock = Stopwatch.StartNew();
        var silent = SippCaller.RunAsync(softswitch, "silent-until-bye.xml", "1002", s_sippTimeout, extra: ["-m", "2", "-l", "2", "-r", "10"]);
        await GoodPhone.AssertServedAsync(softswitch, "while two silent calls hold media");
        var ended = await silent;
        clock.Stop();

        Assert.That(ended.ExitCode, Is.EqualTo(0), () => $"each silent call must get a BYE with Reason cause 408:\n{ended}\n{softswitch.Output}");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), "ended by the 2 s timeout (swept each second), not by sipp giving up");
        var again = await SippCaller.RunAsync(softswitch, "silent-until-bye.xml", "1002", s_sippTimeout, extra: ["-m", "3", "-l", "3", "-r", "10"]);
        Assert.That(again.ExitCode, Is.EqualTo(0), () => $"three calls at once need every port pair back:\n{again}\n{softswitch.Output}");
        await GoodPhone.AssertServedAsync(softswitch, "after the silent calls");
    }

    [Test, Description("RFC 3264 §8.4: a held call may send nothing")]
    public async Task A_held_call_is_kept_past_the_rtp_timeout()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml,
            "--rtp:timeout_seconds=2", "--rtp:hold_timeout_seconds=30");

        // Held and silent for 5 s, then sipp hangs up itself: a BYE from the switch meanwhile fails the scenario.
        var hold = SippCaller.RunAsync(softswitch, "hold-silent.xml", "1002", s_sippTimeout, extra: ["-m", "1", "-d", "5000"]);
        await GoodPhone.AssertServedAsync(softswitch, "while another call is held");
        var held = await hold;

        Assert.That(held.ExitCode, Is.EqualTo(0), () => $"the held call must outlive the 2 s RTP timeout:\n{held}\n{softswitch.Output}");
        await GoodPhone.AssertServedAsync(softswitch, "after the held call");
    }

    [Test, Description("RFC 3326: the BYE carries Reason: SIP;cause=200")]
    public async Task A_call_that_keeps_sending_audio_is_ended_at_the_maximum_call_length()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml,
            "--limits:max_call_seconds=3", "--rtp:timeout_seconds=2");

        // The pcap plays 7 s of audio: the RTP timeout never fires, the maximum length does (cause 200, not 408).
        var call = SippCaller.RunAsync(softswitch, Scenarios.Written("pcap-until-bye.xml", ("REASON_CAUSE", "200")), "1002", s_sippTimeout, extra: ["-m", "1"]);
        await GoodPhone.AssertServedAsync(softswitch, "during a call that keeps sending");
        var result = await call;

        Assert.That(result.ExitCode, Is.EqualTo(0), () => $"the call must get a BYE with Reason cause 200:\n{result}\n{softswitch.Output}");
        await GoodPhone.AssertServedAsync(softswitch, "after the call was ended");
    }

    [Test, Description("RFC 3261 §21.5.4: 503 Service Unavailable with Retry-After")]
    public async Task A_third_call_from_one_extension_gets_503_while_another_extension_gets_through()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, "--limits:max_calls_per_extension=2");

        var (third, held, other) = await ThirdCallWhileTwoAreUpAsync(softswitch, holder: "1001", caller: "1001",
            meanwhile: () => SippCaller.RunAsync(softswitch, "call-pause-bye.xml", "1002", s_sippTimeout, extra: ["-m", "1", "-d", "200"]));

        Assert.That(third.ExitCode, Is.EqualTo(0), () => $"the third call from 1001 must get 503 with Retry-After:\n{third}\n{softswitch.Output}");
        Assert.That(other!.ExitCode, Is.EqualTo(0), () => $"1002 must get through meanwhile:\n{other}\n{softswitch.Output}");
        Assert.That(held.ExitCode, Is.EqualTo(0), () => $"the two calls within the limit go on:\n{held}\n{softswitch.Output}");
        await GoodPhone.AssertServedAsync(softswitch, "after 1001's calls ended (its places are back)");
    }

    [Test, Description("RFC 3261 §21.5.4: 503 Service Unavailable with Retry-After")]
    public async Task Over_the_global_limit_a_new_call_gets_503_until_a_call_ends()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, "--limits:max_calls=2");

        var (third, held, _) = await ThirdCallWhileTwoAreUpAsync(softswitch, holder: "1002", caller: "1001");

        Assert.That(third.ExitCode, Is.EqualTo(0), () => $"a third call must get 503 with Retry-After:\n{third}\n{softswitch.Output}");
        Assert.That(held.ExitCode, Is.EqualTo(0), () => $"the two calls within the limit go on:\n{held}\n{softswitch.Output}");
        await GoodPhone.AssertServedAsync(softswitch, "after the two calls ended");
    }

    /// <summary>
    /// <paramref name="holder"/> keeps two calls up for 8 s; 3 s in (both answered), <paramref name="caller"/> tries a third
    /// (invite-over-limit.xml: success means 503 with Retry-After), then <paramref name="meanwhile"/> runs, if any.
    /// </summary>
    private static async Task<(ToolResult Third, ToolResult Held, ToolResult? Meanwhile)> ThirdCallWhileTwoAreUpAsync(SoftswitchProcess softswitch,
        string holder, string caller, Func<Task<ToolResult>>? meanwhile = null)
    {
        var twoCalls = SippCaller.RunAsync(softswitch, "call-pause-bye.xml", holder, s_sippTimeout, extra: ["-m", "2", "-l", "2", "-r", "10", "-d", "8000"]);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var third = await SippCaller.RunAsync(softswitch, "invite-over-limit.xml", caller, s_sippTimeout, extra: ["-m", "1"]);
        var other = meanwhile is null ? null : await meanwhile();
        return (third, await twoCalls, other);
    }
}
