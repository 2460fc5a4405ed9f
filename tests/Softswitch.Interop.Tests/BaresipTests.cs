using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>baresip, a real softphone, registering as extension 1001.</summary>
[TestFixture]
public sealed class BaresipTests
{
    [Test]
    public async Task Baresip_registers_as_1001_and_the_binding_is_recorded()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync();
        await using var phone = Baresip.Start(
            $"<sip:1001@127.0.0.1:{softswitch.Port}>;auth_user=1001;auth_pass={SoftswitchProcess.Password1001};regint=600");

        var row = await RegistrationEvents.WaitForAsync(softswitch.DatabasePath,
            r => r.Extension == "1001" && r.Outcome == "Registered", TimeSpan.FromSeconds(20));

        Assert.That(row, Is.Not.Null, "baresip's binding appears in registration_events\n" + softswitch.Output);
        Assert.That(row!.UserAgent, Does.Contain("baresip"));
        Assert.That(row.Contact, Does.StartWith("sip:1001").And.Contain("@127.0.0.1:"));
    }

    [Test]
    public async Task Baresip_with_a_wrong_password_is_not_registered()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync();
        await using var phone = Baresip.Start(
            $"<sip:1001@127.0.0.1:{softswitch.Port}>;auth_user=1001;auth_pass=wrong;regint=600");

        var failure = await RegistrationEvents.WaitForAsync(softswitch.DatabasePath,
            r => r.Extension == "1001" && r.Outcome == "AuthenticationFailed", TimeSpan.FromSeconds(20));
        var rows = await RegistrationEvents.ReadAsync(softswitch.DatabasePath);

        Assert.That(failure, Is.Not.Null, softswitch.Output);
        Assert.That(rows.Where(r => r.Outcome == "Registered"), Is.Empty);
    }
}
