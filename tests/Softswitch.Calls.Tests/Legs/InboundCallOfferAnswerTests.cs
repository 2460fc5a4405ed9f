using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;
using Softswitch.Media.Sdp;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Legs;

/// <summary>
/// An answered echo call from INVITE to BYE through the real dispatcher: offer/answer both ways, media on real
/// sockets, refusals (488, 503), and the ports going back to the pool however the call ends.
/// </summary>
public sealed class InboundCallOfferAnswerTests : EchoCallFixture
{
    [Test, Description("RFC 3264 §6.1: PCMU chosen from the offer, telephone-event kept on the offer's payload type")]
    public async Task Early_offer_is_answered_200_with_pcmu_and_the_offered_telephone_event()
    {
        var call = new SipCall(Switch, "1001", Echo);

        var ok = await call.CallAsync(PhoneSdp.Create(Phone, 1, telephoneEvent: 96));
        call.Ack();

        Assert.That(ok.StatusCode, Is.EqualTo(200));
        Assert.That(ok.ContentType, Is.EqualTo("application/sdp"));
        var (_, audio) = PhoneSdp.ReadAudio(ok.Body);
        Assert.That(audio.Formats, Is.EqualTo(new[] { "0", "96" }), "PCMU first, then telephone-event; PCMA left out");
        Assert.That(audio.GetRtpMap(96)?.EncodingName, Is.EqualTo("telephone-event").IgnoreCase);
        Assert.That(audio.Direction ?? SdpMediaDirection.SendRecv, Is.EqualTo(SdpMediaDirection.SendRecv));
        var media = PhoneSdp.MediaEndPoint(ok.Body);
        Assert.That(media.Address.ToString(), Is.EqualTo("127.0.0.1"));
        Assert.That(media.Port, Is.InRange(Switch.Ports.PortMin, Switch.Ports.PortMax));
        Assert.That(media.Port % 2, Is.Zero, "RTP on the even port of the pair");
    }

    [Test, Description("RFC 3550 §8: the echo is our own stream, not the phone's packets bounced back")]
    public async Task Echo_returns_the_phones_audio_in_our_own_stream()
    {
        var call = new SipCall(Switch, "1001", Echo);
        var ok = await call.CallAsync(PhoneSdp.Create(Phone, 1));
        call.Ack();
        Phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);

        var first = await Phone.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "echoed audio");
        await Phone.WaitForQuietAsync(TimeSpan.FromMilliseconds(200)); // the echoes of the frames sent while waiting
        var skip = Phone.Count;
        for (var i = 0; i < 5; i++) Phone.SendAudio(NumberedFrame.Create(100 + i));
        await Phone.WaitForCountAsync(5, skip);

        var echoed = Phone.Received(skip).Take(5).ToList();
        Assert.That(first.PayloadType, Is.Zero);
        Assert.That(first.Ssrc, Is.Not.EqualTo(Phone.Ssrc), "our SSRC, not the phone's");
        Assert.That(echoed.Select(p => p.Payload), Is.EqualTo(Enumerable.Range(100, 5).Select(NumberedFrame.Create)), "the same audio, in order");
        Assert.That(echoed.Select(p => p.Ssrc).Distinct(), Is.EqualTo(new[] { first.Ssrc }), "one stream");
        Assert.That(echoed.Zip(echoed.Skip(1)).Select(pair => (ushort)(pair.Second.SequenceNumber - pair.First.SequenceNumber)),
            Is.All.EqualTo((ushort)1), "consecutive sequence numbers");
    }

    [Test, Description("RFC 3261 §15.1.2")]
    public async Task Bye_from_the_phone_is_answered_200_and_the_ports_go_back_to_the_pool()
    {
        var call = new SipCall(Switch, "1001", Echo);
        var ok = await call.CallAsync(PhoneSdp.Create(Phone, 1));
        call.Ack();
        Phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        await Phone.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "echoed audio");
        Assert.That(Switch.Ports.Available, Is.EqualTo(Switch.Ports.Capacity - 1), "the call holds one pair");

        var byeAnswer = await call.ByeAsync();

        Assert.That(byeAnswer.StatusCode, Is.EqualTo(200));
        await Switch.WaitForPortsReleasedAsync();
        await Phone.WaitForQuietAsync(TimeSpan.FromMilliseconds(300));
        var after = Phone.Count;
        for (var i = 0; i < 5; i++) Phone.SendAudio(NumberedFrame.Create(i));
        await Task.Delay(200);
        Assert.That(Phone.Count, Is.EqualTo(after), "nothing is echoed after the BYE");
    }

    [Test, Description("RFC 3261 §13.2.1, §13.3.1.4: no SDP in the INVITE, our offer in the 200, the answer in the ACK")]
    public async Task Late_offer_gets_our_offer_in_the_200_and_media_flows_after_the_ack_answer()
    {
        var call = new SipCall(Switch, "1001", Echo);

        var ok = await call.CallAsync(sdp: null);

        Assert.That(ok.StatusCode, Is.EqualTo(200));
        var (_, offer) = PhoneSdp.ReadAudio(ok.Body);
        Assert.That(offer.Formats, Does.Contain("0").And.Contain("8"), "G.711 offered");
        var telephoneEvent = offer.RtpMaps.Single(m => m.EncodingName.Equals("telephone-event", StringComparison.OrdinalIgnoreCase));
        Assert.That(offer.Formats[0], Is.EqualTo("0"), "PCMU preferred");

        call.Ack(PhoneSdp.Create(Phone, 1, codecs: "0", telephoneEvent: telephoneEvent.PayloadType));
        Phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        var echoed = await Phone.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "echoed audio");

        Assert.That(echoed.PayloadType, Is.Zero);
        Assert.That(echoed.Ssrc, Is.Not.EqualTo(Phone.Ssrc));
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
        await Switch.WaitForPortsReleasedAsync();
    }

    [Test, Description("RFC 3261 §13.3.1.4: an ACK without the answer we asked for cannot be refused, so we end the call with BYE")]
    public async Task Late_offer_ack_without_sdp_makes_the_switch_hang_up_with_bye()
    {
        var call = new SipCall(Switch, "1001", Echo);
        var ok = await call.CallAsync(sdp: null);
        Assert.That(ok.StatusCode, Is.EqualTo(200));

        call.Ack();

        var bye = await call.WaitForByeAndAnswerAsync();
        Assert.That(bye.To.Tag, Is.EqualTo(ok.From.Tag), "the BYE goes to the phone's side of the dialog");
        Assert.That(bye.From.Tag, Is.EqualTo(ok.To.Tag));
        await Switch.WaitForPortsReleasedAsync();
    }

    [Test, Description("RFC 3261 §21.4.26: an offer we cannot read is refused")]
    public async Task Unreadable_sdp_is_refused_488_and_holds_no_ports()
    {
        var call = new SipCall(Switch, "1001", Echo);

        var final = await call.CallAsync("v=0\r\nthis is not sdp\r\n");

        Assert.That(final.StatusCode, Is.EqualTo(488));
        Assert.That(Switch.Ports.Available, Is.EqualTo(Switch.Ports.Capacity));
    }

    [Test, Description("RFC 3264 §6: no codec in common")]
    public async Task An_offer_with_no_common_codec_is_refused_488_and_releases_its_ports()
    {
        var call = new SipCall(Switch, "1001", Echo);
        var gsmOnly = PhoneSdp.Create(Phone, 1).Replace("RTP/AVP 0 8 96", "RTP/AVP 3 96")
            .Replace("a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n", "a=rtpmap:3 GSM/8000\r\n");

        var final = await call.CallAsync(gsmOnly);

        Assert.That(final.StatusCode, Is.EqualTo(488));
        await Switch.WaitForPortsReleasedAsync();
    }

    [Test, Description("RFC 3261 §21.5.4: 503 with Retry-After when no RTP port pair is free")]
    public async Task Exhausted_rtp_ports_refuse_the_call_503_with_retry_after()
    {
        var held = new List<Softswitch.Media.Rtp.RtpPortPair>();
        while (Switch.Ports.TryAllocate(out var pair)) held.Add(pair);
        try
        {
            var call = new SipCall(Switch, "1001", Echo);

            var final = await call.CallAsync(PhoneSdp.Create(Phone, 1));

            Assert.That(final.StatusCode, Is.EqualTo(503));
            Assert.That(final.GetFirstHeaderValue("Retry-After"), Is.Not.Null);
        }
        finally
        {
            foreach (var pair in held) pair.Dispose();
        }
    }
}
