using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;
using Softswitch.Media.Codecs;

namespace Softswitch.Calls.Tests.Features;

/// <summary>Two callers to the meet-me number talk to each other; one leaving hangs up the other; a third is busy.</summary>
public sealed class MeetMeFeatureTests
{
    private const string MeetMe = "600";
    private const double MusicHertz = 400;

    private CallSwitch _switch = null!;
    private readonly List<RtpPhone> _phones = [];

    [SetUp]
    public void SetUp()
    {
        _switch = new CallSwitch(new DialPlanRoute(MeetMe, RouteTarget.MeetMe));
        _switch.WriteTone("music/default", MusicHertz, TimeSpan.FromSeconds(2));
    }

    [TearDown]
    public async Task TearDown()
    {
        foreach (var phone in _phones) await phone.DisposeAsync();
        _phones.Clear();
        await _switch.DisposeAsync();
    }

    [Test]
    public async Task The_first_caller_waits_with_music()
    {
        var (_, a) = await JoinAsync("1001");

        await a.WaitForCountAsync(10);

        var pcm = new short[TestAudio.FrameSamples];
        MuLaw.Decode(a.Received()[9].Payload, pcm);
        Assert.That(TestAudio.ShareAt(pcm, MusicHertz), Is.GreaterThan(0.8), "the music class's tone");
    }

    [Test]
    public async Task Two_callers_are_bridged_both_ways_in_each_legs_own_stream()
    {
        var (_, a) = await JoinAsync("1001");
        var (_, b) = await JoinAsync("1002");

        var atB = await a.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "A's audio at B", b);
        var atA = await b.SendUntilAsync(i => NumberedFrame.Create(5000 + i), p => NumberedFrame.Is(p) && NumberedFrame.NumberOf(p) >= 5000, "B's audio at A", a);

        Assert.That(atB.Ssrc, Is.Not.EqualTo(a.Ssrc), "relayed into B's leg, with our SSRC");
        Assert.That(atA.Ssrc, Is.Not.EqualTo(b.Ssrc), "relayed into A's leg, with our SSRC");
        Assert.That(atA.Ssrc, Is.EqualTo(a.Received()[0].Ssrc), "A's stream is the one its music came in");
    }

    [Test, Description("RFC 3261 §15: the switch ends the other half of the pair with BYE")]
    public async Task When_one_caller_hangs_up_the_switch_sends_bye_to_the_other()
    {
        var (callA, a) = await JoinAsync("1001");
        var (callB, b) = await JoinAsync("1002");
        await a.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "A's audio at B", b);

        var byeAnswer = await callA.ByeAsync();
        var bye = await callB.WaitForByeAndAnswerAsync();

        Assert.That(byeAnswer.StatusCode, Is.EqualTo(200));
        Assert.That(bye.CallId, Is.EqualTo(callB.CallId));
        Assert.That(bye.To.Tag, Is.EqualTo(callB.Final!.From.Tag));
        await _switch.WaitForPortsReleasedAsync();
        await b.WaitForQuietAsync(TimeSpan.FromMilliseconds(300));
    }

    [Test, Description("RFC 3261 §21.4.24: the room holds two")]
    public async Task A_third_caller_while_two_are_bridged_gets_486_and_the_pair_goes_on()
    {
        var (_, a) = await JoinAsync("1001");
        var (callB, b) = await JoinAsync("1002");
        await a.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "A's audio at B", b);
        var c = Phone();

        var busy = await new SipCall(_switch, "1003", MeetMe).CallAsync(PhoneSdp.Create(c, 1));

        Assert.That(busy.StatusCode, Is.EqualTo(486));
        Assert.That(_switch.Ports.Available, Is.EqualTo(_switch.Ports.Capacity - 2), "the busy call took no ports");
        var skip = b.Count;
        await a.SendUntilAsync(i => NumberedFrame.Create(300 + i), p => NumberedFrame.Is(p) && NumberedFrame.NumberOf(p) >= 300, "A's audio at B after the refusal", b);
        Assert.That(b.Count, Is.GreaterThan(skip));
        Assert.That((await callB.ByeAsync()).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task After_a_pair_hangs_up_the_room_takes_a_new_pair()
    {
        var (callA, a) = await JoinAsync("1001");
        var (callB, b) = await JoinAsync("1002");
        await a.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "A's audio at B", b);
        await callA.ByeAsync();
        await callB.WaitForByeAndAnswerAsync();
        await _switch.WaitForPortsReleasedAsync();

        var (_, c) = await JoinAsync("1003");
        var (_, d) = await JoinAsync("1001");

        await c.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "C's audio at D", d);
        await d.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "D's audio at C", c);
    }

    [Test]
    public async Task A_caller_who_gives_up_waiting_leaves_the_room_to_the_next_two()
    {
        var (quitter, q) = await JoinAsync("1001");
        await q.WaitForCountAsync(5);
        Assert.That((await quitter.ByeAsync()).StatusCode, Is.EqualTo(200));
        await _switch.WaitForPortsReleasedAsync();

        var (_, a) = await JoinAsync("1002");
        await a.WaitForCountAsync(10); // waiting with music, not bridged to the caller who left
        var (_, b) = await JoinAsync("1003");

        await a.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "A's audio at B", b);
        await b.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "B's audio at A", a);
    }

    /// <summary>An answered, acknowledged call from <paramref name="extension"/> to the room, and its phone's media.</summary>
    private async Task<(SipCall Call, RtpPhone Phone)> JoinAsync(string extension)
    {
        var phone = Phone();
        var call = new SipCall(_switch, extension, MeetMe);
        var ok = await call.CallAsync(PhoneSdp.Create(phone, 1));
        Assert.That(ok.StatusCode, Is.EqualTo(200), $"{extension} joins");
        call.Ack();
        phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        return (call, phone);
    }

    private RtpPhone Phone()
    {
        var phone = new RtpPhone();
        _phones.Add(phone);
        return phone;
    }
}
