using System.Text.RegularExpressions;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>sipp calling the *43 echo test: digest for INVITE (407), RFC 4733 digits, BYE from the caller.</summary>
[TestFixture]
public sealed class SippEchoTests
{
    private const string EchoRoute = """
        routes:
          - match: "*43"
            echo: true
          - match: "*44"
            echo: true
            answer_after_ms: 5000
          - match: "*46"
            echo: true
            greeting: echo-test

        """;

    [Test, Description("RFC 4733 digits from sipp's play_dtmf are each logged once, with the Call-ID and the method")]
    public async Task Sipp_digits_sent_as_telephone_events_are_logged_once_each()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "sipp's play_dtmf needs raw sockets (CI runs as root)");
        await using var softswitch = await SoftswitchProcess.StartAsync(EchoRoute);

        var result = await Sipp.RunAsync(softswitch, "echo-dtmf-rfc4733.xml", TimeSpan.FromSeconds(30),
            // sipp signs the digest for remote_ip:port unless told the Request-URI (RFC 3261 §22.4: digest-uri = Request-URI).
            "-s", "*43", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*43@127.0.0.1:{softswitch.Port}", "-m", "1", "-mp", FreePort.ForUdp().ToString());

        Assert.That(result.ExitCode, Is.EqualTo(0), result + "\n" + softswitch.Output);
        // Digits are logged from the call's digit stream, a moment after their end packets.
        Assert.That(() => Digits(softswitch, "Rfc4733"), Is.EqualTo(new[] { "1", "2", "3", "#" }).After(3000, 50), () => softswitch.Output);
        Assert.That(() => softswitch.Output, Does.Contain("echo call ended (normal, by the caller)").After(3000, 50), () => softswitch.Output);
    }

    private static List<string> Digits(SoftswitchProcess softswitch, string method) =>
        Regex.Matches(softswitch.Output, $@": DTMF ""?(.)""? received via ""?{method}").Select(m => m.Groups[1].Value).ToList();

    [Test, Description("RFC 2976 INFO with application/dtmf-relay in the call's dialog")]
    public async Task Sipp_digits_sent_as_sip_info_are_logged_once_each()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(EchoRoute);

        var result = await Sipp.RunAsync(softswitch, "echo-dtmf-info.xml", TimeSpan.FromSeconds(30),
            "-s", "*43", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*43@127.0.0.1:{softswitch.Port}", "-m", "1",
            "-mp", FreePort.ForUdp().ToString());

        Assert.That(result.ExitCode, Is.EqualTo(0), result + "\n" + softswitch.Output);
        Assert.That(() => Digits(softswitch, "SipInfo"), Is.EqualTo(new[] { "4", "5", "*" }).After(3000, 50), () => softswitch.Output);
    }

    [Test, Description("A wrong password never gets a call: 407, then 403")]
    public async Task Sipp_calling_with_a_wrong_password_gets_no_call()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(EchoRoute);

        var result = await Sipp.RunAsync(softswitch, "echo-dtmf-info.xml", TimeSpan.FromSeconds(30),
            "-s", "*43", "-au", "1001", "-ap", "wrong", "-auth_uri", $"*43@127.0.0.1:{softswitch.Port}", "-m", "1",
            "-mp", FreePort.ForUdp().ToString());

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), "the call must fail");
        Assert.That(softswitch.Output, Does.Not.Contain("echo answered"));
    }

    [Test, Description("RFC 3261 §9.2: CANCEL while ringing gets 200, the INVITE 487, and the call never starts")]
    public async Task Sipp_cancelling_while_it_rings_gets_487()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(EchoRoute);

        var result = await Sipp.RunAsync(softswitch, "cancel-before-answer.xml", TimeSpan.FromSeconds(30),
            "-s", "*44", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*44@127.0.0.1:{softswitch.Port}", "-m", "1",
            "-mp", FreePort.ForUdp().ToString());

        Assert.That(result.ExitCode, Is.EqualTo(0), result + "\n" + softswitch.Output);
        Assert.That(() => softswitch.Output, Does.Contain("echo call ended (cancelled, by the caller)").After(3000, 50));
        Assert.That(softswitch.Output, Does.Not.Contain("echo answered"));
    }

    [Test, Description("RFC 3261 §13.2.1: an INVITE without SDP gets our offer in the 200 and media starts from the ACK's answer")]
    public async Task Sipp_late_offer_gets_our_offer_and_media_runs_from_the_answer_in_the_ack()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "sipp's pcap play needs raw sockets (CI runs as root)");
        await using var softswitch = await SoftswitchProcess.StartAsync(EchoRoute);

        var result = await Sipp.RunAsync(softswitch, "echo-late-offer.xml", TimeSpan.FromSeconds(30),
            "-s", "*43", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*43@127.0.0.1:{softswitch.Port}", "-m", "1",
            "-mp", FreePort.ForUdp().ToString());

        Assert.That(result.ExitCode, Is.EqualTo(0), result + "\n" + softswitch.Output);
        Assert.That(() => softswitch.Output, Does.Contain("echo call ended (normal, by the caller)").After(3000, 50));
        Assert.That(softswitch.Output, Does.Match(@"echo answered, 8 PCMA/8000"));
        // sipp's pcap plays 50 packets a second from its ACK until the BYE 3 s later: each one must come back to the address
        // the answer in the ACK named. Exceptions: packets that beat the ACK's processing have nowhere to go until the answer
        // is applied or the source is latched (3 packets), and the last ones race the BYE (2).
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        var received = int.Parse(row["caller_packets_received"]!);
        Assert.That(received, Is.GreaterThanOrEqualTo(50), softswitch.Output);
        Assert.That(int.Parse(row["caller_packets_sent"]!), Is.InRange(received - 5, received),
            "echoed, but for the first packets before the ACK and the last racing the BYE\n" + softswitch.Output);
    }

    [Test, Description("Barge-in: a key pressed during the greeting stops it, and the call goes on to the echo")]
    public async Task Sipp_digit_during_the_greeting_interrupts_it()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "sipp's play_dtmf needs raw sockets (CI runs as root)");
        await using var softswitch = await SoftswitchProcess.StartAsync(EchoRoute);

        var result = await Sipp.RunAsync(softswitch, "echo-dtmf-rfc4733.xml", TimeSpan.FromSeconds(30),
            "-s", "*46", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*46@127.0.0.1:{softswitch.Port}", "-m", "1",
            "-mp", FreePort.ForUdp().ToString());

        Assert.That(result.ExitCode, Is.EqualTo(0), result + "\n" + softswitch.Output);
        Assert.That(() => softswitch.Output, Does.Contain("echo call ended (normal, by the caller)").After(3000, 50));
        // The greeting (several seconds of speech) is cut by the first digit; the later ones arrive during the echo.
        Assert.That(Regex.Matches(softswitch.Output, @"prompt interrupted by DTMF ""?1""?").Count, Is.EqualTo(1), softswitch.Output);
        Assert.That(softswitch.Output, Does.Not.Match(@"prompt interrupted by DTMF ""?[23#]"), softswitch.Output);
        Assert.That(Digits(softswitch, "Rfc4733"), Is.EqualTo(new[] { "1", "2", "3", "#" }), softswitch.Output);
    }
}
