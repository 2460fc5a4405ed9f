using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;
using Softswitch.Media.Codecs;

namespace Softswitch.Calls.Tests.Legs;

/// <summary>The route's greeting: played to the caller on answer, cut short by any key (barge-in), then the feature runs.</summary>
public sealed class InboundCallGreetingTests
{
    private const string Greeted = "*45";
    private const string GreetingMissing = "*46";
    private const double GreetingHertz = 440;

    /// <summary>Long enough that a call whose greeting was not interrupted cannot reach the echo within a test's timeouts.</summary>
    private static readonly TimeSpan s_greetingLength = TimeSpan.FromSeconds(12);

    private CallSwitch _switch = null!;
    private RtpPhone _phone = null!;

    [SetUp]
    public void SetUp()
    {
        _switch = new CallSwitch(
            new DialPlanRoute(Greeted, RouteTarget.Echo) { Greeting = "welcome" },
            new DialPlanRoute(GreetingMissing, RouteTarget.Echo) { Greeting = "no-such-prompt" });
        _switch.WriteTone("en/welcome", GreetingHertz, s_greetingLength);
        _phone = new RtpPhone();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _phone.DisposeAsync();
        await _switch.DisposeAsync();
    }

    [Test, Description("RFC 4733 §3.2: a key press interrupts the greeting")]
    public async Task The_greeting_plays_until_an_rfc4733_digit_and_the_echo_starts_after()
    {
        var call = await AnsweredCallAsync(Greeted);
        await AssertGreetingPlaysAsync();

        _phone.SendDigit(eventCode: 5, payloadType: 96);

        await AssertEchoFollowsTheGreetingAsync();
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        await _switch.WaitForPortsReleasedAsync();
    }

    [Test, Description("SIP INFO application/dtmf-relay: a key press interrupts the greeting")]
    public async Task The_greeting_plays_until_a_sip_info_digit_and_the_echo_starts_after()
    {
        var call = await AnsweredCallAsync(Greeted);
        await AssertGreetingPlaysAsync();

        var info = await call.InfoAsync('7');

        Assert.That(info.StatusCode, Is.EqualTo(200));
        await AssertEchoFollowsTheGreetingAsync();
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        await _switch.WaitForPortsReleasedAsync();
    }

    [Test]
    public async Task A_missing_greeting_is_skipped_and_the_echo_starts_at_once()
    {
        var call = await AnsweredCallAsync(GreetingMissing);

        var echoed = await _phone.SendUntilAsync(NumberedFrame.Create, IsEcho, "echoed audio");

        Assert.That(_phone.Received().TakeWhile(p => p != echoed).Where(IsGreeting), Is.Empty, "nothing was played first");
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
    }

    private async Task<SipCall> AnsweredCallAsync(string dialled)
    {
        var call = new SipCall(_switch, "1001", dialled);
        var ok = await call.CallAsync(PhoneSdp.Create(_phone, 1, telephoneEvent: 96));
        Assert.That(ok.StatusCode, Is.EqualTo(200));
        call.Ack();
        _phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        return call;
    }

    /// <summary>Half a second of greeting reaches the phone: PCMU frames of the prompt's tone.</summary>
    private async Task AssertGreetingPlaysAsync()
    {
        await _phone.WaitForCountAsync(25);
        var frames = _phone.Received().Take(25).ToList();
        Assert.That(frames.Select(f => f.PayloadType), Is.All.EqualTo(0));
        Assert.That(frames.Select(f => f.Payload.Length), Is.All.EqualTo(160));
        var pcm = new short[160];
        foreach (var frame in frames)
        {
            MuLaw.Decode(frame.Payload, pcm);
            Assert.That(TestAudio.ShareAt(pcm, GreetingHertz), Is.GreaterThan(0.8), "the greeting's tone");
        }
    }

    /// <summary>The echo answers the phone's audio, and once it has, no more greeting comes: the greeting was cut short.</summary>
    private async Task AssertEchoFollowsTheGreetingAsync()
    {
        var echoed = await _phone.SendUntilAsync(i => NumberedFrame.Create(1000 + i), IsEcho, "echoed audio");
        // With the phone silent, a greeting still playing would keep the stream going.
        await _phone.WaitForQuietAsync(TimeSpan.FromMilliseconds(300));

        var all = _phone.Received();
        var greeting = all.Count(IsGreeting);
        Assert.That(greeting, Is.LessThan(s_greetingLength.TotalMilliseconds / 20), "the greeting was not played to its end");
        Assert.That(all.SkipWhile(p => p != echoed).Where(IsGreeting), Is.Empty, "no greeting after the echo started");
        Assert.That(echoed.Ssrc, Is.EqualTo(all[0].Ssrc), "greeting and echo are one stream of ours");
    }

    private static bool IsEcho(ReceivedRtp packet) => NumberedFrame.Is(packet);

    private static bool IsGreeting(ReceivedRtp packet) => packet.PayloadType == 0 && !IsEcho(packet);
}
