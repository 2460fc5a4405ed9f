using Softswitch.Calls.Routing;

namespace Softswitch.Calls.Tests.Support;

/// <summary>
/// The set-up most call tests share: a switch whose <see cref="Echo"/> number answers with the echo test, and one phone's
/// RTP socket; both are new for each test and disposed after it.
/// </summary>
public abstract class EchoCallFixture
{
    protected const string Echo = "*43";

    private protected CallSwitch Switch { get; private set; } = null!;

    private protected RtpPhone Phone { get; private set; } = null!;

    /// <summary>Routes a fixture needs besides <see cref="Echo"/>.</summary>
    private protected virtual IEnumerable<DialPlanRoute> OtherRoutes => [];

    [SetUp]
    public void StartSwitchAndPhone()
    {
        Switch = new CallSwitch([new DialPlanRoute(Echo, RouteTarget.Echo), .. OtherRoutes]);
        Phone = new RtpPhone();
    }

    [TearDown]
    public async Task StopSwitchAndPhone()
    {
        await Phone.DisposeAsync();
        await Switch.DisposeAsync();
    }
}
