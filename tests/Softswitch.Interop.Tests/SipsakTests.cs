using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>sipsak, a second independent SIP tool: OPTIONS and an authenticated REGISTER.</summary>
[TestFixture]
public sealed class SipsakTests
{
    private SoftswitchProcess _softswitch = null!;

    [OneTimeSetUp]
    public async Task StartSwitch() => _softswitch = await SoftswitchProcess.StartAsync();

    [OneTimeTearDown]
    public async Task StopSwitch() => await _softswitch.DisposeAsync();

    [Test]
    public async Task Sipsak_options_is_answered_200()
    {
        var result = await Tool.RunAsync("sipsak",
            ["-s", $"sip:1001@127.0.0.1:{_softswitch.Port}", "--local-ip", "127.0.0.1", "-l", FreePort.ForUdp(fourDigits: true).ToString(), "-vv"],
            TimeSpan.FromSeconds(20));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        Assert.That(result.StandardOutput, Does.Contain("200"));
    }

    [Test]
    public async Task Sipsak_registers_1001_with_digest()
    {
        var localPort = FreePort.ForUdp(fourDigits: true);
        var result = await Tool.RunAsync("sipsak",
            ["-U", "-C", $"sip:1001@127.0.0.1:{localPort}", "-s", $"sip:1001@127.0.0.1:{_softswitch.Port}",
             "-u", "1001", "-a", SoftswitchProcess.Password1001, "-x", "600", "--local-ip", "127.0.0.1", "-l", localPort.ToString(), "-vv"],
            TimeSpan.FromSeconds(30));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
    }

    [Test, Description("RFC 3261 §10.3 step 7: sipsak's default 15 s is below min_expires")]
    public async Task Sipsak_asking_for_15_seconds_gets_423_with_min_expires()
    {
        var localPort = FreePort.ForUdp(fourDigits: true);
        var result = await Tool.RunAsync("sipsak",
            ["-U", "-C", $"sip:1001@127.0.0.1:{localPort}", "-s", $"sip:1001@127.0.0.1:{_softswitch.Port}",
             "-u", "1001", "-a", SoftswitchProcess.Password1001, "--local-ip", "127.0.0.1", "-l", localPort.ToString(), "-vvv"],
            TimeSpan.FromSeconds(30));
        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.ToString);
        Assert.That(result.StandardOutput + result.StandardError, Does.Contain("SIP/2.0 423 Interval Too Brief").And.Contain("Min-Expires: 60")); // sipsak prints the failing reply on stderr
    }

    [Test]
    public async Task Sipsak_register_with_a_wrong_password_fails()
    {
        var localPort = FreePort.ForUdp(fourDigits: true);
        var result = await Tool.RunAsync("sipsak",
            ["-U", "-C", $"sip:1001@127.0.0.1:{localPort}", "-s", $"sip:1001@127.0.0.1:{_softswitch.Port}",
             "-u", "1001", "-a", "wrong", "-x", "600", "--local-ip", "127.0.0.1", "-l", localPort.ToString(), "-vv"],
            TimeSpan.FromSeconds(30));
        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.ToString);
    }
}
