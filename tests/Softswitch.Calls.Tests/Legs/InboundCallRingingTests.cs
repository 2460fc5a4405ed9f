using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Legs;

/// <summary>A route with <c>answer_after</c>: 180 Ringing first, 200 once that time has passed, CANCEL meanwhile.</summary>
public sealed class InboundCallRingingTests
{
    private const string Ringing = "*44";
    private static readonly TimeSpan s_answerAfter = TimeSpan.FromSeconds(3);

    private CallSwitch _switch = null!;
    private RtpPhone _phone = null!;

    [SetUp]
    public void SetUp()
    {
        _switch = new CallSwitch(new DialPlanRoute(Ringing, RouteTarget.Echo) { AnswerAfter = s_answerAfter });
        _phone = new RtpPhone();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _phone.DisposeAsync();
        await _switch.DisposeAsync();
    }

    [Test, Description("RFC 3261 §13.3.1.1")]
    public async Task The_call_rings_180_and_is_answered_only_once_answer_after_has_passed()
    {
        var call = new SipCall(_switch, "1001", Ringing);
        await call.InviteAsync(PhoneSdp.Create(_phone, 1));

        var ringing = await call.WaitForInviteResponseAsync(180);

        Assert.That(ringing.To.Tag, Is.Not.Null, "180 opens an early dialog");
        var advanced = TimeSpan.Zero;
        while (!call.Responses().Any(r => r.StatusCode == 200))
        {
            Assert.That(advanced, Is.LessThanOrEqualTo(s_answerAfter + TimeSpan.FromSeconds(2)), "answered within answer_after");
            // In steps: the call arms its delay right after the 180, possibly after the first step.
            _switch.Time.Advance(TimeSpan.FromMilliseconds(100));
            advanced += TimeSpan.FromMilliseconds(100);
            await Task.Delay(5);
        }

        var ok = await call.WaitForFinalAsync();
        Assert.That(advanced, Is.GreaterThanOrEqualTo(s_answerAfter), "not answered before answer_after");
        Assert.That(ok.StatusCode, Is.EqualTo(200));
        Assert.That(ok.To.Tag, Is.EqualTo(ringing.To.Tag), "the early dialog becomes the call");
        Assert.That(call.Responses().FindIndex(r => r.StatusCode == 180), Is.LessThan(call.Responses().FindIndex(r => r.StatusCode == 200)));

        call.Ack();
        _phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        await _phone.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "echoed audio");
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        await _switch.WaitForPortsReleasedAsync();
    }

    [Test, Description("RFC 3261 §9.2: 200 for the CANCEL, 487 for the INVITE")]
    public async Task Cancel_while_ringing_gets_200_and_487_and_the_call_ends_before_any_media()
    {
        var call = new SipCall(_switch, "1001", Ringing);
        await call.InviteAsync(PhoneSdp.Create(_phone, 1));
        await call.WaitForInviteResponseAsync(180);
        Assert.That(_switch.Ports.Available, Is.EqualTo(_switch.Ports.Capacity - 1), "the ringing call holds its ports");

        var cancelled = await call.CancelAsync();
        var final = await call.WaitForFinalAsync();

        Assert.That(cancelled.StatusCode, Is.EqualTo(200));
        Assert.That(final.StatusCode, Is.EqualTo(487));
        await _switch.WaitForPortsReleasedAsync();

        // Past the time the call would have been answered: nothing more happens.
        _switch.Time.Advance(s_answerAfter + TimeSpan.FromSeconds(1));
        await Task.Delay(200);
        Assert.That(call.Responses().Where(r => r.CSeq.Method == SipMethod.Invite && r.StatusCode >= 200).Select(r => r.StatusCode),
            Is.EqualTo(new[] { 407, 487 }), "the challenge and the 487: never a 200 for the INVITE");
        Assert.That(_phone.Count, Is.Zero, "no RTP reached the phone");
    }
}
