using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>sipp (a real, independent SIP implementation) registering against the real softswitch process.</summary>
[TestFixture]
public sealed class SippRegistrarTests
{
    private SoftswitchProcess _softswitch = null!;

    [OneTimeSetUp]
    public async Task StartSwitch() => _softswitch = await SoftswitchProcess.StartAsync();

    [OneTimeTearDown]
    public async Task StopSwitch() => await _softswitch.DisposeAsync();

    [Test, Description("RFC 3261 §10, §22; RFC 7616")]
    public async Task Sipp_registers_1001_with_digest_over_udp()
    {
        var result = await Sipp.RunAsync(_softswitch, "register-digest.xml", TimeSpan.FromSeconds(15),
            "-s", "1001", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-m", "1");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var row = await RegistrationEvents.WaitForAsync(_softswitch.DatabasePath,
            r => r.Extension == "1001" && r.Outcome == "Registered" && r.UserAgent == "sipp interop", TimeSpan.FromSeconds(5));
        Assert.That(row, Is.Not.Null, "the registration is recorded in registration_events");
        Assert.That(row!.SourceAddress, Does.StartWith("127.0.0.1:"));
    }

    [Test, Description("RFC 3261 §18: the same listener serves TCP")]
    public async Task Sipp_registers_1002_with_digest_over_tcp()
    {
        var result = await Sipp.RunAsync(_softswitch, "register-digest.xml", TimeSpan.FromSeconds(15),
            "-t", "t1", "-s", "1002", "-au", "1002", "-ap", SoftswitchProcess.Password1002, "-m", "1");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
    }

    [Test]
    public async Task Sipp_with_a_wrong_password_is_forbidden()
    {
        var result = await Sipp.RunAsync(_softswitch, "register-rejected.xml", TimeSpan.FromSeconds(15),
            "-s", "1001", "-au", "1001", "-ap", "not-the-password", "-m", "1");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
        var row = await RegistrationEvents.WaitForAsync(_softswitch.DatabasePath,
            r => r.Extension == "1001" && r.Outcome == "AuthenticationFailed", TimeSpan.FromSeconds(5));
        Assert.That(row, Is.Not.Null, "the failed attempt is recorded");
    }

    [Test, Description("No extension enumeration: an unknown user gets the same challenge and the same 403")]
    public async Task Sipp_with_an_unknown_extension_gets_what_a_wrong_password_gets()
    {
        var result = await Sipp.RunAsync(_softswitch, "register-rejected.xml", TimeSpan.FromSeconds(15),
            "-s", "4999", "-au", "4999", "-ap", "whatever", "-m", "1");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
    }

    [Test, Description("RFC 3261 §11")]
    public async Task Sipp_options_gets_200_with_allow()
    {
        var result = await Sipp.RunAsync(_softswitch, "options.xml", TimeSpan.FromSeconds(10), "-m", "1");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
    }

    [Test, Description("RFC 3261 §8.2.2.3, §11; RFC 3891; RFC 4028: Require: replaces, timer is accepted and Supported lists both")]
    public async Task Sipp_options_requiring_replaces_and_timer_gets_200_listing_them()
    {
        var result = await Sipp.RunAsync(_softswitch, "options-supported.xml", TimeSpan.FromSeconds(10), "-m", "1");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString);
    }
}
