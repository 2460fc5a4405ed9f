using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;
using Softswitch.Media.Sdp;

namespace Softswitch.Calls.Tests.Legs;

/// <summary>
/// Re-INVITEs on a music call, where our stream never stops on its own: hold (a=sendonly from the phone) stops it,
/// resume starts it again, and a codec change is refused while the call goes on.
/// </summary>
public sealed class InboundCallReInviteTests
{
    private const string Music = "*47";
    private static readonly TimeSpan s_quiet = TimeSpan.FromMilliseconds(300);

    private CallSwitch _switch = null!;
    private RtpPhone _phone = null!;
    private SipCall _call = null!;

    [SetUp]
    public async Task SetUp()
    {
        _switch = new CallSwitch(new DialPlanRoute(Music, RouteTarget.Music, "default"));
        _switch.WriteTone("music/default", 400, TimeSpan.FromSeconds(2));
        _phone = new RtpPhone();
        _call = new SipCall(_switch, "1001", Music);
        var ok = await _call.CallAsync(PhoneSdp.Create(_phone, 1));
        Assert.That(ok.StatusCode, Is.EqualTo(200));
        _call.Ack();
        _phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        await _phone.WaitForCountAsync(10);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _phone.DisposeAsync();
        await _switch.DisposeAsync();
    }

    [Test, Description("RFC 3264 §8.4, §6.1: on hold (sendonly) we answer recvonly and send nothing; sendrecv resumes")]
    public async Task Hold_stops_our_stream_and_resume_starts_it_again()
    {
        var hold = await _call.ReInviteAsync(PhoneSdp.Create(_phone, 2, direction: "sendonly"));

        Assert.That(hold.StatusCode, Is.EqualTo(200));
        Assert.That(PhoneSdp.ReadAudio(hold.Body).Audio.Direction, Is.EqualTo(SdpMediaDirection.RecvOnly));
        await _phone.WaitForQuietAsync(s_quiet);
        await AssertNothingArrivesAsync();

        var resume = await _call.ReInviteAsync(PhoneSdp.Create(_phone, 3, direction: "sendrecv"));

        Assert.That(resume.StatusCode, Is.EqualTo(200));
        Assert.That(PhoneSdp.ReadAudio(resume.Body).Audio.Direction ?? SdpMediaDirection.SendRecv, Is.EqualTo(SdpMediaDirection.SendRecv));
        var skip = _phone.Count;
        await _phone.WaitForCountAsync(10, skip);
        Assert.That(_phone.Received(skip).Select(p => p.PayloadType), Is.All.EqualTo(0));
        Assert.That((await _call.ByeAsync()).StatusCode, Is.EqualTo(200));
        await _switch.WaitForPortsReleasedAsync();
    }

    [Test, Description("RFC 3264 §8.4: a=inactive holds both ways; we answer inactive")]
    public async Task Inactive_hold_is_answered_inactive_and_stops_our_stream()
    {
        var hold = await _call.ReInviteAsync(PhoneSdp.Create(_phone, 2, direction: "inactive"));

        Assert.That(hold.StatusCode, Is.EqualTo(200));
        Assert.That(PhoneSdp.ReadAudio(hold.Body).Audio.Direction, Is.EqualTo(SdpMediaDirection.Inactive));
        await _phone.WaitForQuietAsync(s_quiet);
        await AssertNothingArrivesAsync();
    }

    [Test, Description("RFC 3261 §14.2: a re-INVITE without an offer gets ours in the 200 and the answer in the ACK")]
    public async Task A_reinvite_without_sdp_resumes_a_held_call_with_our_offer_and_the_ack_answer()
    {
        await _call.ReInviteAsync(PhoneSdp.Create(_phone, 2, direction: "sendonly"));
        await _phone.WaitForQuietAsync(s_quiet);

        // Phones that resume this way (and session refreshes) leave the offer to us.
        var resume = await _call.ReInviteAsync(sdp: null, ackSdp: PhoneSdp.Create(_phone, 3, codecs: "0"));

        Assert.That(resume.StatusCode, Is.EqualTo(200));
        var (_, offer) = PhoneSdp.ReadAudio(resume.Body);
        Assert.That(offer.Formats[0], Is.EqualTo("0"), "the call's codec offered first");
        Assert.That(offer.Direction ?? SdpMediaDirection.SendRecv, Is.EqualTo(SdpMediaDirection.SendRecv));
        var skip = _phone.Count;
        await _phone.WaitForCountAsync(10, skip);
        Assert.That(_phone.Received(skip).Select(p => p.PayloadType), Is.All.EqualTo(0));
        Assert.That((await _call.ByeAsync()).StatusCode, Is.EqualTo(200));
    }

    [Test, Description("RFC 3261 §14.2: a refused re-INVITE leaves the session as it was")]
    public async Task A_codec_change_is_refused_488_and_the_call_goes_on()
    {
        var change = await _call.ReInviteAsync(PhoneSdp.Create(_phone, 2, codecs: "8"));

        Assert.That(change.StatusCode, Is.EqualTo(488));
        var skip = _phone.Count;
        await _phone.WaitForCountAsync(10, skip);
        Assert.That(_phone.Received(skip).Select(p => p.PayloadType), Is.All.EqualTo(0), "still PCMU");

        // The refused offer was rolled back: a hold offered next is still answered against the PCMU session.
        var hold = await _call.ReInviteAsync(PhoneSdp.Create(_phone, 3, direction: "sendonly"));
        Assert.That(hold.StatusCode, Is.EqualTo(200));
        Assert.That(PhoneSdp.ReadAudio(hold.Body).Audio.Formats[0], Is.EqualTo("0"));
        Assert.That((await _call.ByeAsync()).StatusCode, Is.EqualTo(200));
        await _switch.WaitForPortsReleasedAsync();
    }

    [Test, Description("RFC 3264 §8.3.1: the phone moved its media; our stream follows the new address")]
    public async Task A_reinvite_with_a_new_address_moves_our_stream_there()
    {
        await using var moved = new RtpPhone();

        var move = await _call.ReInviteAsync(PhoneSdp.Create(moved, 2));

        Assert.That(move.StatusCode, Is.EqualTo(200));
        await moved.WaitForCountAsync(10);
        await _phone.WaitForQuietAsync(s_quiet);
    }

    /// <summary>The absence of a 50-packets-a-second stream: 300 ms without one packet.</summary>
    private async Task AssertNothingArrivesAsync()
    {
        var before = _phone.Count;
        await Task.Delay(s_quiet);
        Assert.That(_phone.Count, Is.EqualTo(before), "no RTP while the phone holds the call");
    }
}
