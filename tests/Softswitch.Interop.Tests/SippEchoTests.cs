using System.Text.RegularExpressions;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>sipp calling the *43 echo test: digest for INVITE (407), RFC 4733 digits, BYE from the caller.</summary>
[TestFixture, NonParallelizable]
public sealed class SippEchoTests
{
    private const string EchoRoute = """
        routes:
          - match: "*43"
            echo: true

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
        Assert.That(softswitch.Output, Does.Contain("echo call ended (caller hung up)"));
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
}
