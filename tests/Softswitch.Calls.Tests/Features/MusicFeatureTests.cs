using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;
using Softswitch.Media.Codecs;

namespace Softswitch.Calls.Tests.Features;

/// <summary>Music on hold: the class's file, looped and paced by the media clock, until the caller hangs up.</summary>
public sealed class MusicFeatureTests
{
    private const string Music = "*50";
    private const string MissingClass = "*51";

    /// <summary>Shorter than the test listens, so the loop is heard.</summary>
    private static readonly TimeSpan s_musicLength = TimeSpan.FromMilliseconds(400);

    private CallSwitch _switch = null!;
    private RtpPhone _phone = null!;

    [SetUp]
    public void SetUp()
    {
        _switch = new CallSwitch(
            new DialPlanRoute(Music, RouteTarget.Music, "jazz"),
            new DialPlanRoute(MissingClass, RouteTarget.Music, "no-such-class"));
        _switch.WriteTone("music/jazz", 500, s_musicLength);
        _phone = new RtpPhone();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _phone.DisposeAsync();
        await _switch.DisposeAsync();
    }

    [Test, Description("RFC 3550 §5.1: one stream, consecutive sequence numbers, timestamps 160 apart")]
    public async Task Music_loops_past_the_end_of_its_file_as_one_paced_stream()
    {
        var call = await AnsweredCallAsync(Music);

        await _phone.WaitForCountAsync(50);

        var frames = _phone.Received().Take(50).ToList();
        Assert.That(frames.Select(f => f.Ssrc).Distinct().Count(), Is.EqualTo(1));
        Assert.That(frames.Zip(frames.Skip(1)).Select(p => (ushort)(p.Second.SequenceNumber - p.First.SequenceNumber)), Is.All.EqualTo((ushort)1));
        Assert.That(frames.Zip(frames.Skip(1)).Select(p => p.Second.Timestamp - p.First.Timestamp), Is.All.EqualTo(160u));
        Assert.That(frames[^1].At - frames[0].At, Is.GreaterThan(TimeSpan.FromMilliseconds(700)),
            "49 frames of 20 ms are paced by the clock, not sent in a burst");
        var pcm = new short[TestAudio.FrameSamples];
        foreach (var frame in frames.Skip(25)) // past the end of the 400 ms file: the loop
        {
            MuLaw.Decode(frame.Payload, pcm);
            Assert.That(TestAudio.ShareAt(pcm, 500), Is.GreaterThan(0.8));
        }

        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        await _switch.WaitForPortsReleasedAsync();
        await _phone.WaitForQuietAsync(TimeSpan.FromMilliseconds(200));
    }

    [Test]
    public async Task A_missing_music_class_still_answers_and_the_call_lasts_until_bye()
    {
        var call = await AnsweredCallAsync(MissingClass);

        await Task.Delay(300);

        Assert.That(_phone.Count, Is.Zero, "nothing to play");
        Assert.That(call.Responses().Where(r => r.CSeq.Method == Softswitch.Sip.Messages.SipMethod.Bye), Is.Empty);
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200), "the call was still up");
        await _switch.WaitForPortsReleasedAsync();
    }

    private async Task<SipCall> AnsweredCallAsync(string dialled)
    {
        var call = new SipCall(_switch, "1001", dialled);
        var ok = await call.CallAsync(PhoneSdp.Create(_phone, 1));
        Assert.That(ok.StatusCode, Is.EqualTo(200));
        call.Ack();
        _phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        return call;
    }
}
