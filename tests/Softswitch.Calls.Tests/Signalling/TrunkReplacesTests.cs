using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;
using Softswitch.Calls.Tests.Trunks;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Tests.Signalling;

/// <summary>
/// Issue 9, transfer on the carrier's side: a carrier's INVITE with a Replaces header (RFC 3891) is never a new call to
/// its DID, and it may take over only a dialog the switch has with that same carrier (the toll-fraud guard: a carrier
/// cannot step into an extension's call).
/// </summary>
public sealed class TrunkReplacesTests
{
    private const string Did = "60312345678";
    private static readonly SipEndPoint Carrier = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.2"), 5060));

    private TrunkService _trunks = null!;
    private CallSwitch _switch = null!;
    private RtpPhone _phone = null!;

    [SetUp]
    public void SetUp()
    {
        _trunks = new TrunkService(
            [new TrunkSettings { Name = "carrier1", Host = "127.0.0.2", AllowFrom = [IPNetwork.Parse("127.0.0.2/32")], Dids = [Did], MaxCalls = 2 }],
            new FakeSipServerLocator("127.0.0.2:5060"), new FakeTimeProvider(), NullLoggerFactory.Instance);
        _switch = new CallSwitch(_trunks,
            new DialPlanRoute(Did, RouteTarget.Echo) { Context = "from-trunk" },
            new DialPlanRoute("*43", RouteTarget.Echo));
        _phone = new RtpPhone();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _phone.DisposeAsync();
        await _switch.DisposeAsync();
        await _trunks.DisposeAsync();
    }

    [Test, Description("RFC 3891 §3: no dialog matches the Replaces header → 481, whatever DID the INVITE is addressed to")]
    public async Task A_carriers_invite_replacing_a_dialog_the_switch_does_not_have_gets_481_and_never_reaches_its_did()
    {
        var final = await CarrierInviteAsync("Replaces: gone@carrier.test;to-tag=abc;from-tag=def\r\n");

        Assert.That(final.StatusCode, Is.EqualTo(481));
        Assert.That(_switch.CallRegistry.Count, Is.Zero, "the DID's echo route was never reached");
        Assert.That(_switch.Ports.Available, Is.EqualTo(_switch.Ports.Capacity), "no media was set up");
    }

    [Test, Description("RFC 3891 §6: the UA may refuse a Replaces it does not authorise (403); a carrier is authorised only for its own dialogs")]
    public async Task A_carriers_invite_replacing_an_extensions_dialog_gets_403_and_that_call_goes_on()
    {
        var call = new SipCall(_switch, "1001", "*43");
        var answered = await call.CallAsync(PhoneSdp.Create(_phone, 1));
        Assert.That(answered.StatusCode, Is.EqualTo(200));

        var final = await CarrierInviteAsync($"Replaces: {call.CallId};to-tag={answered.To.Tag};from-tag={answered.From.Tag}\r\n");

        Assert.That(final.StatusCode, Is.EqualTo(403));
        Assert.That(_switch.CallRegistry.Count, Is.EqualTo(1), "1001's call is still up");
        Assert.That(_switch.Sent().OfType<SipRequest>().Any(r => r.Method == SipMethod.Bye), Is.False, "nobody was hung up");
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200), "1001's dialog is still the switch's");
    }

    [Test]
    public async Task A_carriers_invite_without_replaces_still_reaches_its_did()
    {
        var final = await CarrierInviteAsync("");

        Assert.That(final.StatusCode, Is.EqualTo(200), "the control case: the DID's echo route answers");
    }

    private async Task<SipResponse> CarrierInviteAsync(string extraHeaders)
    {
        var callId = Guid.NewGuid().ToString("N") + "@carrier.test";
        var sdp = PhoneSdp.Create(_phone, 1);
        _switch.Receive(
            $"INVITE sip:{Did}@127.0.0.1:5060 SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:60123456789@carrier.test>;tag=carrier1\r\n" +
            $"To: <sip:{Did}@carrier.test>\r\n" +
            $"Call-ID: {callId}\r\n" +
            "CSeq: 1 INVITE\r\n" +
            "Contact: <sip:60123456789@127.0.0.2:5060>\r\n" +
            extraHeaders +
            "Content-Type: application/sdp\r\n" +
            $"Content-Length: {System.Text.Encoding.ASCII.GetByteCount(sdp)}\r\n\r\n" + sdp, Carrier);
        return await _switch.WaitForAsync<SipResponse>(r => r.CallId == callId && r.StatusCode >= 200, "the final answer to the carrier");
    }
}
