using Softswitch.Calls.Routing;
using Softswitch.Calls.Supervision;
using Softswitch.Calls.Tests.Support;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Legs;

/// <summary>
/// Calls nobody ends: an echo call whose phone goes silent is ended by BYE with the cause in a Reason header and its
/// ports go back; a held call outlives the RTP timeout; a call that keeps sending ends at the maximum length. The switch
/// runs on a fake clock, so the minutes pass at once; the media is real.
/// </summary>
public sealed class InboundCallTimeoutTests
{
    private const string Echo = "*43";
    private static readonly TimeSpan s_settle = TimeSpan.FromMilliseconds(200);

    private CallSwitch _switch = null!;
    private RtpPhone _phone = null!;
    private SipCall _call = null!;

    [SetUp]
    public void SetUp() => _phone = new RtpPhone();

    [TearDown]
    public async Task TearDown()
    {
        await _phone.DisposeAsync();
        await _switch.DisposeAsync();
    }

    [Test, Description("RFC 3326 §2: the BYE says why (cause 408)")]
    public async Task A_phone_that_goes_silent_gets_a_bye_with_the_reason_after_the_rtp_timeout_and_the_ports_go_back()
    {
        await StartEchoCallAsync(new CallLimits { RtpTimeout = TimeSpan.FromSeconds(60) });

        _switch.Time.Advance(TimeSpan.FromSeconds(59));
        await AssertNoByeAsync("59 s of silence is under the timeout");
        _switch.Time.Advance(TimeSpan.FromSeconds(1));

        var bye = await _call.WaitForByeAndAnswerAsync();
        Assert.That(bye.GetFirstHeaderValue("Reason"), Is.EqualTo("SIP;cause=408;text=\"RTP timeout\""));
        await _switch.WaitForPortsReleasedAsync();
    }

    [Test, Description("RFC 3264 §8.4: a held call may be silent; the hold timeout applies instead")]
    public async Task A_held_call_is_kept_past_the_rtp_timeout_and_ended_at_the_hold_timeout()
    {
        await StartEchoCallAsync(new CallLimits { RtpTimeout = TimeSpan.FromSeconds(60), HoldTimeout = TimeSpan.FromSeconds(600) });
        var hold = await _call.ReInviteAsync(PhoneSdp.Create(_phone, 2, direction: "sendonly"));
        Assert.That(hold.StatusCode, Is.EqualTo(200));

        _switch.Time.Advance(TimeSpan.FromSeconds(599));
        await AssertNoByeAsync("a held call outlives the RTP timeout");
        _switch.Time.Advance(TimeSpan.FromSeconds(1));

        var bye = await _call.WaitForByeAndAnswerAsync();
        Assert.That(bye.GetFirstHeaderValue("Reason"), Is.EqualTo("SIP;cause=408;text=\"RTP timeout on hold\""));
        await _switch.WaitForPortsReleasedAsync();
    }

    [Test]
    public async Task A_call_that_keeps_sending_is_ended_at_the_maximum_length()
    {
        await StartEchoCallAsync(new CallLimits { RtpTimeout = TimeSpan.FromSeconds(60), MaxCallLength = TimeSpan.FromSeconds(300) });

        for (var second = 0; second < 290; second += 10)
        {
            var skip = _phone.Count;
            _phone.SendAudio(NumberedFrame.Create(second));
            await _phone.WaitForCountAsync(1, skip); // echoed: the switch heard it at this moment of the fake clock
            _switch.Time.Advance(TimeSpan.FromSeconds(10));
        }

        await AssertNoByeAsync("the phone kept sending, under the maximum length");
        _switch.Time.Advance(TimeSpan.FromSeconds(10));
        var bye = await _call.WaitForByeAndAnswerAsync();
        Assert.That(bye.GetFirstHeaderValue("Reason"), Does.StartWith("SIP;cause=200;"));
        await _switch.WaitForPortsReleasedAsync();
    }

    /// <summary>An answered echo call whose media flows (so the switch watches it), then the phone stops sending.</summary>
    private async Task StartEchoCallAsync(CallLimits limits)
    {
        _switch = new CallSwitch(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, limits, new DialPlanRoute(Echo, RouteTarget.Echo));
        _call = new SipCall(_switch, "1001", Echo);
        var ok = await _call.CallAsync(PhoneSdp.Create(_phone, 1));
        Assert.That(ok.StatusCode, Is.EqualTo(200));
        _call.Ack();
        _phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        await _phone.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "echoed audio");
        await _phone.WaitForQuietAsync(s_settle);
    }

    private async Task AssertNoByeAsync(string why)
    {
        await Task.Delay(s_settle);
        Assert.That(_switch.Sent().OfType<SipRequest>().Where(r => r.Method == SipMethod.Bye), Is.Empty, why);
    }
}
