using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Softswitch.Interop.Tests.Support;
using Softswitch.Media.Audio;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>
/// Issue 8, finding 8: SIGTERM used to leave calls hanging and recordings needing repair. Now new calls get 503, calls
/// in progress get <c>limits.shutdown_grace_seconds</c> to end on their own, then each gets BYE, its recording is
/// closed with a valid header, and the process exits 0.
/// </summary>
[TestFixture, NonParallelizable]
public sealed partial class ShutdownDrainTests
{
    private const int HeldCalls = 20;
    private const int GraceSeconds = 2;

    private const string RecordedEchoYaml = """
        routes:
          - match: "*43"
            echo: true
            record: true

        """;

    [Test]
    public async Task Sigterm_hangs_up_every_call_with_bye_closes_every_recording_and_exits_0()
    {
        // All 21 calls come from 1001: lift the per-extension limit (4) so that they all get through.
        await using var softswitch = await SoftswitchProcess.StartAsync(RecordedEchoYaml, $"--limits:shutdown_grace_seconds={GraceSeconds}",
            "--limits:max_calls_per_extension=0");
        await GoodPhone.AssertServedAsync(softswitch, "before the shutdown");
        var answeredBefore = Answered(softswitch);

        // 20 calls that stay up until the switch hangs up (sipp answers its BYE 200), and one that hangs up by itself
        // 1.5 s after its answer, inside the grace period.
        var held = CallsAsync(softswitch, "echo-wait-for-bye.xml", "-m", HeldCalls.ToString(CultureInfo.InvariantCulture), "-r", "20", "-l", "20");
        await WaitForAnsweredAsync(softswitch, answeredBefore + HeldCalls);
        var shortCall = CallsAsync(softswitch, "echo-short-call.xml", "-m", "1", "-d", "1500");
        await WaitForAnsweredAsync(softswitch, answeredBefore + HeldCalls + 1);

        var stopping = Stopwatch.StartNew();
        Posix.Terminate(softswitch.ProcessId);
        var refused = await InviteDuringDrainAsync(softswitch);
        var options = await OptionsAsync(softswitch);
        var exitCode = await softswitch.WaitForExitAsync(TimeSpan.FromSeconds(GraceSeconds + 20));
        stopping.Stop();

        Assert.That(exitCode, Is.EqualTo(0), softswitch.Output);
        Assert.That(stopping.Elapsed, Is.LessThan(TimeSpan.FromSeconds(GraceSeconds + 5)), "exits within the grace period and a few seconds");
        Assert.That(refused, Does.StartWith("SIP/2.0 503 "), "a new INVITE during the drain");
        Assert.That(refused, Does.Contain("\r\nRetry-After: "), "the 503 says when to come back");
        Assert.That(options, Does.StartWith("SIP/2.0 200 "), "OPTIONS is still answered during the drain");
        var heldResult = await held;
        Assert.That(heldResult.ExitCode, Is.EqualTo(0), $"every held call received BYE and answered it:\n{heldResult}\n{softswitch.Output}");
        var shortResult = await shortCall;
        Assert.That(shortResult.ExitCode, Is.EqualTo(0), $"the call that hung up in the grace period got 200 for its BYE:\n{shortResult}");

        var recordings = Directory.GetFiles(Path.Combine(softswitch.Folder, "data", "recordings"), "*.wav", SearchOption.AllDirectories);
        Assert.That(recordings, Has.Length.EqualTo(HeldCalls + 2), "the good phone's call, the held calls and the short one");
        foreach (var recording in recordings)
        {
            var info = await Tool.RunAsync("sox", ["--i", "-D", recording], TimeSpan.FromSeconds(10));
            Assert.That(info.ExitCode, Is.EqualTo(0), $"sox reads {recording}: {info}");
            Assert.That(double.Parse(info.StandardOutput.Trim(), CultureInfo.InvariantCulture), Is.GreaterThan(0), $"duration of {recording}");
            Assert.That(WavRepair.Repair(recording), Is.EqualTo(WavRepairResult.AlreadyValid), $"{recording} needs no repair");
        }
    }

    /// <summary>sipp placing calls to *43 as 1001 with digest, running until its calls end.</summary>
    private static Task<ToolResult> CallsAsync(SoftswitchProcess softswitch, string scenario, params string[] extra) =>
        Sipp.RunAsync(softswitch, scenario, TimeSpan.FromSeconds(60),
            [
                "-s", "*43", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*43@127.0.0.1:{softswitch.Port}",
                "-mp", FreePort.ForUdp().ToString(CultureInfo.InvariantCulture), .. extra,
            ]);

    /// <summary>Calls answered so far, from the switch's log (sipp says nothing until it exits).</summary>
    private static int Answered(SoftswitchProcess softswitch) => AnsweredLine().Count(softswitch.Output);

    private static async Task WaitForAnsweredAsync(SoftswitchProcess softswitch, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Answered(softswitch) < count)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{Answered(softswitch)} calls answered, waited for {count}:\n{softswitch.Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// An INVITE with no credentials from another address, repeated (new Call-ID) until the drain has begun: the
    /// first answers after SIGTERM may still be 407. Returns the final answer's text.
    /// </summary>
    private static async Task<string> InviteDuringDrainAsync(SoftswitchProcess softswitch)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        var local = (IPEndPoint)udp.Client.LocalEndPoint!;
        var last = "no answer";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await udp.SendAsync(Invite(local, softswitch.Port), new IPEndPoint(IPAddress.Loopback, softswitch.Port));
            last = await FinalAnswerAsync(udp) ?? last;
            if (last.StartsWith("SIP/2.0 503 ", StringComparison.Ordinal)) return last;
            await Task.Delay(100);
        }

        return last;
    }

    private static async Task<string> OptionsAsync(SoftswitchProcess softswitch)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await udp.SendAsync(SipProbe.Options((IPEndPoint)udp.Client.LocalEndPoint!, softswitch.Port), new IPEndPoint(IPAddress.Loopback, softswitch.Port));
        return await FinalAnswerAsync(udp) ?? "no answer";
    }

    /// <summary>The first final (non-1xx) response within 2 s, or null.</summary>
    private static async Task<string?> FinalAnswerAsync(UdpClient udp)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            while (true)
            {
                var text = Encoding.ASCII.GetString((await udp.ReceiveAsync(wait.Token)).Buffer);
                if (!text.StartsWith("SIP/2.0 1", StringComparison.Ordinal)) return text;
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static byte[] Invite(IPEndPoint local, int switchPort)
    {
        const string sdp = "v=0\r\no=late 1 1 IN IP4 127.0.0.2\r\ns=-\r\nc=IN IP4 127.0.0.2\r\nt=0 0\r\nm=audio 40000 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
        var text =
            $"INVITE sip:*43@127.0.0.1:{switchPort} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP {local.Address}:{local.Port};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:1002@127.0.0.1>;tag={Guid.NewGuid():N}\r\n" +
            $"To: <sip:*43@127.0.0.1:{switchPort}>\r\n" +
            $"Call-ID: {Guid.NewGuid():N}@late\r\n" +
            "CSeq: 1 INVITE\r\n" +
            $"Contact: <sip:1002@{local.Address}:{local.Port}>\r\n" +
            "Content-Type: application/sdp\r\n" +
            $"Content-Length: {sdp.Length}\r\n\r\n" + sdp;
        return Encoding.ASCII.GetBytes(text);
    }

    [GeneratedRegex(@": echo answered, ")]
    private static partial Regex AnsweredLine();
}
