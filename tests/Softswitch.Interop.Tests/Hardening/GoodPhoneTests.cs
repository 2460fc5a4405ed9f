using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>The baseline every hardening test relies on: with no attack, the good phone is served.</summary>
[TestFixture, NonParallelizable]
public sealed class GoodPhoneTests
{
    [Test]
    public async Task Good_phone_registers_and_calls_the_echo_test()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml);
        await GoodPhone.AssertServedAsync(softswitch, "with no attack");
    }
}
