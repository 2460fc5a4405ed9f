using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;

namespace Softswitch.Calls.Tests.Signalling;

/// <summary>
/// An extension's INVITE with a Replaces header (RFC 3891) is not a new call: when it names no dialog of the switch it is
/// refused, whatever it dials, and nothing is set up.
/// </summary>
public sealed class ReplacesInviteTests
{
    private const string Echo = "*43";

    private CallSwitch _switch = null!;
    private RtpPhone _phone = null!;

    [SetUp]
    public void SetUp()
    {
        _switch = new CallSwitch(new DialPlanRoute(Echo, RouteTarget.Echo));
        _phone = new RtpPhone();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _phone.DisposeAsync();
        await _switch.DisposeAsync();
    }

    [Test, Description("RFC 3891 §3: no dialog matches the Replaces header → 481")]
    public async Task An_invite_replacing_a_dialog_the_switch_does_not_have_gets_481_and_reaches_no_route()
    {
        var call = new SipCall(_switch, "1001", Echo, extraInviteHeaders: "Replaces: no-such-call@phone.test;to-tag=abc;from-tag=def\r\n");

        var final = await call.CallAsync(PhoneSdp.Create(_phone, 1));

        Assert.That(final.StatusCode, Is.EqualTo(481));
        Assert.That(_switch.Ports.Available, Is.EqualTo(_switch.Ports.Capacity), "no media was set up");
        Assert.That(_switch.CallRegistry.Count, Is.Zero, "the echo route was never reached");
    }

    [Test, Description("RFC 3891 §6.1: both tags are mandatory; a Replaces without them is a bad request")]
    public async Task An_invite_with_an_unreadable_replaces_header_gets_400()
    {
        var call = new SipCall(_switch, "1001", Echo, extraInviteHeaders: "Replaces: no-such-call@phone.test;to-tag=abc\r\n");

        var final = await call.CallAsync(PhoneSdp.Create(_phone, 1));

        Assert.That(final.StatusCode, Is.EqualTo(400));
        Assert.That(_switch.CallRegistry.Count, Is.Zero);
    }
}
