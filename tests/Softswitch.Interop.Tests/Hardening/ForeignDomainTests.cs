using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>
/// Issue 8 finding 6: an authenticated INVITE for another domain reached the echo test. Now a Request-URI host that is
/// not ours gets 404 whatever the user part; the switch's own names and addresses still work. The requests go to the
/// switch on 127.0.0.1: nothing is sent to the addresses they name.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class ForeignDomainTests
{
    private static readonly TimeSpan s_sippTimeout = TimeSpan.FromSeconds(20);

    [TestCase("evil.example.com")]
    [TestCase("8.8.8.8")]
    public async Task An_authenticated_invite_for_another_domain_gets_404_and_no_echo(string host)
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml);

        var refused = await SippCaller.RunAsync(softswitch, "invite-not-our-domain.xml", "1001", s_sippTimeout, host, "-m", "1");
        await GoodPhone.AssertServedAsync(softswitch, "after an INVITE for another domain");

        Assert.That(refused.ExitCode, Is.EqualTo(0), () => $"sip:*43@{host} must be answered 404 (a 200 fails the scenario):\n{refused}\n{softswitch.Output}");
    }

    [Test]
    public async Task An_invite_for_our_domain_name_is_served()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml);

        var served = await SippCaller.RunAsync(softswitch, "call-pause-bye.xml", "1001", s_sippTimeout, "softswitch.test", "-m", "1", "-d", "200");

        Assert.That(served.ExitCode, Is.EqualTo(0), () => $"sip:*43@softswitch.test must be answered:\n{served}\n{softswitch.Output}");
        await GoodPhone.AssertServedAsync(softswitch, "calling *43@127.0.0.1:PORT");
    }
}
