using Softswitch.Media.Sdp;

namespace Softswitch.Media.Tests.Sdp;

public class SdpNegotiatorTests
{
    private static readonly SdpOrigin s_origin = new("-", "9", 1, "IN", "IP4", "192.0.2.10");

    private static LocalMediaOptions Options(params CodecDescriptor[] codecs) => new()
    {
        Address = "192.0.2.10",
        RtpPort = 20000,
        Codecs = codecs.Length > 0 ? codecs : [CodecDescriptor.Pcmu, CodecDescriptor.Pcma, CodecDescriptor.TelephoneEvent],
    };

    private static NegotiationResult Answer(string offerText, LocalMediaOptions? options = null, bool localHold = false) =>
        SdpNegotiator.AnswerOffer(SdpTestData.ParseText(offerText), options ?? Options(), localHold, s_origin);

    private static string Offer(string mLines, string session = "c=IN IP4 198.51.100.7\r\n") =>
        "v=0\r\no=peer 1 1 IN IP4 198.51.100.7\r\ns=-\r\n" + session + "t=0 0\r\n" + mLines;

    [Test]
    public void Pcmu_only_offer_from_sipp_is_answered_with_pcmu_at_our_address_and_port()
    {
        var result = SdpNegotiator.AnswerOffer(SdpTestData.Parse(SdpTestData.SippPcmu), Options(), false, s_origin);

        Assert.That(result.IsAccepted, Is.True, result.Error);
        Assert.That(result.Codec, Is.EqualTo(new MediaFormat(0, "PCMU", 8000)));
        Assert.That(result.TelephoneEventPayloadType, Is.Null);
        Assert.That((result.RemoteRtpAddress, result.RemoteRtpPort), Is.EqualTo(("127.0.0.1", 6000)));
        Assert.That((result.RemoteRtcpAddress, result.RemoteRtcpPort), Is.EqualTo(("127.0.0.1", 6001)));
        Assert.That(result.Ptime, Is.EqualTo(20));
        Assert.That(SdpWriter.WriteToString(result.Answer!), Is.EqualTo(
            "v=0\r\no=- 9 1 IN IP4 192.0.2.10\r\ns=Softswitch\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
            "m=audio 20000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=sendrecv\r\n"));
    }

    [Test]
    public void Pcma_only_offer_from_sipp_pcap_gets_pcma_and_its_telephone_event_with_fmtp()
    {
        var result = SdpNegotiator.AnswerOffer(SdpTestData.Parse(SdpTestData.SippPcapPcma), Options(), false, s_origin);

        Assert.That(result.Codec, Is.EqualTo(new MediaFormat(8, "PCMA", 8000)));
        Assert.That(result.TelephoneEvent, Is.EqualTo(new MediaFormat(101, "telephone-event", 8000, 1, "0-11,16")));
        var audio = result.Answer!.Media.Single();
        Assert.That(audio.Formats, Is.EqualTo(new[] { "8", "101" }));
        Assert.That(audio.GetFmtp(101), Is.EqualTo("0-11,16"));
    }

    [Test]
    public void Our_preference_order_wins_by_default_pcmu_first()
    {
        var result = SdpNegotiator.AnswerOffer(SdpTestData.Parse(SdpTestData.Baresip),
            Options(CodecDescriptor.Pcmu, CodecDescriptor.Opus, CodecDescriptor.TelephoneEvent), false, s_origin);

        Assert.That(result.Codec!.EncodingName, Is.EqualTo("PCMU"));
        Assert.That(result.Answer!.Media[0].Formats, Is.EqualTo(new[] { "0", "101" }));
    }

    [Test]
    public void Our_preference_order_wins_by_default_opus_first_keeping_the_peers_payload_type()
    {
        var result = SdpNegotiator.AnswerOffer(SdpTestData.Parse(SdpTestData.Baresip),
            Options(CodecDescriptor.Opus, CodecDescriptor.Pcmu, CodecDescriptor.TelephoneEvent), false, s_origin);

        Assert.That(result.Codec, Is.EqualTo(new MediaFormat(96, "opus", 48000, 2, "stereo=1;sprop-stereo=1")));
        var audio = result.Answer!.Media[0];
        Assert.That(audio.GetRtpMap(96), Is.EqualTo(new SdpRtpMap(96, "opus", 48000, 2)));
        Assert.That(audio.GetFmtp(96), Is.EqualTo("useinbandfec=1"), "the fmtp we want to receive with");
    }

    [Test]
    public void Remote_preference_follows_the_offer_order()
    {
        var options = new LocalMediaOptions
        {
            Address = "192.0.2.10",
            RtpPort = 20000,
            Codecs = [CodecDescriptor.Pcma, CodecDescriptor.Pcmu],
            Preference = CodecPreference.Remote,
        };

        var result = Answer(Offer("m=audio 4000 RTP/AVP 18 0 8\r\n"), options);

        Assert.That(result.Codec!.EncodingName, Is.EqualTo("PCMU"));
    }

    [TestCase(96)]
    [TestCase(101)]
    [Description("RFC 3264 §6.1: the answer uses the offerer's payload type numbers")]
    public void Telephone_event_payload_type_of_the_offer_is_kept(int payloadType)
    {
        var result = Answer(Offer($"m=audio 4000 RTP/AVP 0 {payloadType}\r\na=rtpmap:{payloadType} telephone-event/8000\r\na=fmtp:{payloadType} 0-16\r\n"));

        Assert.That(result.TelephoneEventPayloadType, Is.EqualTo(payloadType));
        var audio = result.Answer!.Media[0];
        Assert.That(audio.Formats, Is.EqualTo(new[] { "0", payloadType.ToString() }));
        Assert.That(audio.GetRtpMap(payloadType)!.Value.EncodingName, Is.EqualTo("telephone-event"));
        Assert.That(audio.GetFmtp(payloadType), Is.EqualTo("0-16"));
    }

    [Test]
    [Description("RFC 4733 §7.1.1: events at the clock rate of the chosen codec")]
    public void Linphone_offer_picks_the_telephone_event_at_the_codec_clock_and_rejects_video()
    {
        var result = SdpNegotiator.AnswerOffer(SdpTestData.Parse(SdpTestData.Linphone), Options(), false, s_origin);

        Assert.That(result.Codec!.EncodingName, Is.EqualTo("PCMU"));
        Assert.That(result.TelephoneEventPayloadType, Is.EqualTo(100));
        Assert.That(result.Answer!.Media.Select(m => (m.Media, m.Port)), Is.EqualTo(new[] { ("audio", 20000), ("video", 0) }));
        Assert.That(result.Answer.Media[1].Formats, Is.EqualTo(new[] { "96", "97" }));
        Assert.That(result.RemoteRtcpPort, Is.EqualTo(7079), "a=rtcp (RFC 3605)");
        Assert.That(result.RtcpMux, Is.False, "we did not enable rtcp-mux");
        Assert.That(result.Answer.Media[0].RtcpMux, Is.False);
    }

    [Test]
    [Description("RFC 5761 §5.1.1")]
    public void Rtcp_mux_is_accepted_when_enabled_and_rtcp_goes_to_the_rtp_port()
    {
        var options = new LocalMediaOptions { Address = "192.0.2.10", RtpPort = 20000, RtcpMux = true };

        var result = SdpNegotiator.AnswerOffer(SdpTestData.Parse(SdpTestData.Linphone), options, false, s_origin);

        Assert.That(result.RtcpMux, Is.True);
        Assert.That(result.RemoteRtcpPort, Is.EqualTo(7078));
        Assert.That(result.Answer!.Media[0].RtcpMux, Is.True);
    }

    [Test]
    [Description("RFC 3264 §6: rejected streams keep their place with port 0")]
    public void Video_first_then_audio_keeps_order_and_count()
    {
        var result = Answer(Offer("m=video 5000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\nm=audio 4000 RTP/AVP 8\r\nm=image 6000 udptl t38\r\n"));

        Assert.That(result.IsAccepted, Is.True);
        Assert.That(result.MediaIndex, Is.EqualTo(1));
        Assert.That(result.Answer!.Media.Select(m => $"{m.Media} {m.Port} {m.Protocol}"),
            Is.EqualTo(new[] { "video 0 RTP/AVP", "audio 20000 RTP/AVP", "image 0 udptl" }));
    }

    [Test]
    public void Srtp_audio_is_rejected_when_we_do_not_do_srtp_and_the_plain_stream_is_taken()
    {
        var result = Answer(Offer("m=audio 4000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:abc\r\nm=audio 4002 RTP/AVP 0\r\n"));

        Assert.That(result.MediaIndex, Is.EqualTo(1));
        Assert.That(result.Answer!.Media.Select(m => m.Port), Is.EqualTo(new[] { 0, 20000 }));
    }

    [Test]
    [Description("RFC 3261 §21.4.26: 488 Not Acceptable Here")]
    public void No_common_codec_gives_488()
    {
        var result = Answer(Offer("m=audio 4000 RTP/AVP 18 3\r\n"));

        Assert.That(result.Status, Is.EqualTo(NegotiationStatus.NotAcceptable));
        Assert.That(result.RejectStatusCode, Is.EqualTo(488));
        Assert.That(result.Error, Does.Contain("no common audio codec").And.Contain("G729"));
        Assert.That(result.Answer, Is.Null);
    }

    [TestCase("m=video 5000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n")]
    [TestCase("m=audio 4000 RTP/SAVP 0\r\n")]
    [TestCase("m=audio 0 RTP/AVP 0\r\n")]
    [TestCase("m=audio 4000 RTP/AVP 101\r\na=rtpmap:101 telephone-event/8000\r\n")]
    public void Offers_without_usable_audio_give_488(string mLines)
    {
        Assert.That(Answer(Offer(mLines)).RejectStatusCode, Is.EqualTo(488));
    }

    [Test]
    public void Audio_without_any_connection_line_is_an_invalid_description()
    {
        var result = Answer(Offer("m=audio 4000 RTP/AVP 0\r\n", session: ""));

        Assert.That(result.Status, Is.EqualTo(NegotiationStatus.InvalidDescription));
        Assert.That(result.RejectStatusCode, Is.EqualTo(400));
    }

    [TestCase("sendonly", "recvonly", true)]
    [TestCase("recvonly", "sendonly", false)]
    [TestCase("inactive", "inactive", true)]
    [TestCase("sendrecv", "sendrecv", false)]
    [Description("RFC 3264 §6.1 direction rules")]
    public void Direction_is_answered_per_rfc_3264(string offered, string answered, bool remoteHold)
    {
        var result = Answer(Offer($"m=audio 4000 RTP/AVP 0\r\na={offered}\r\n"));

        Assert.That(result.Answer!.Media[0].Direction!.Value.ToAttributeName(), Is.EqualTo(answered));
        Assert.That(result.LocalDirection.ToAttributeName(), Is.EqualTo(answered));
        Assert.That(result.RemoteHold, Is.EqualTo(remoteHold));
    }

    [Test]
    public void Session_level_direction_applies_when_the_media_has_none()
    {
        var result = Answer(Offer("m=audio 4000 RTP/AVP 0\r\n", session: "c=IN IP4 198.51.100.7\r\na=sendonly\r\n"));

        Assert.That(result.LocalDirection, Is.EqualTo(SdpMediaDirection.RecvOnly));
        Assert.That(result.RemoteHold, Is.True);
    }

    [Test]
    [Description("RFC 3264 §8.4: c=0.0.0.0 is the RFC 2543 hold")]
    public void Zero_address_marks_the_peer_holding()
    {
        var result = SdpNegotiator.AnswerOffer(SdpTestData.Parse(SdpTestData.Rfc2543Hold), Options(), false, s_origin);

        Assert.That(result.IsAccepted, Is.True);
        Assert.That(result.RemoteHold, Is.True);
        Assert.That(result.RemoteRtpAddress, Is.EqualTo("0.0.0.0"));
        Assert.That(result.CanSend, Is.False);
        Assert.That(result.CanReceive, Is.True);
        Assert.That(result.Answer!.Connection!.Address, Is.EqualTo("192.0.2.10"), "we still answer with our own address");
    }

    [Test]
    public void Our_own_hold_answers_sendonly_to_sendrecv_and_inactive_to_sendonly()
    {
        Assert.That(Answer(Offer("m=audio 4000 RTP/AVP 0\r\n"), localHold: true).LocalDirection,
            Is.EqualTo(SdpMediaDirection.SendOnly));
        Assert.That(Answer(Offer("m=audio 4000 RTP/AVP 0\r\na=sendonly\r\n"), localHold: true).LocalDirection,
            Is.EqualTo(SdpMediaDirection.Inactive));
    }

    [Test]
    public void Offered_ptime_is_echoed_otherwise_ours_is_used()
    {
        var echoed = Answer(Offer("m=audio 4000 RTP/AVP 0\r\na=ptime:30\r\n"));
        var ours = Answer(Offer("m=audio 4000 RTP/AVP 0\r\n"), new LocalMediaOptions { Address = "192.0.2.10", RtpPort = 20000, Ptime = 40 });

        Assert.That((echoed.Ptime, echoed.Answer!.Media[0].Ptime), Is.EqualTo((30, 30)));
        Assert.That((ours.Ptime, ours.Answer!.Media[0].Ptime), Is.EqualTo((40, 40)));
    }

    [Test]
    public void Telephone_event_is_left_out_when_we_do_not_list_it()
    {
        var result = SdpNegotiator.AnswerOffer(SdpTestData.Parse(SdpTestData.SippPcapPcma), Options(CodecDescriptor.Pcma), false, s_origin);

        Assert.That(result.TelephoneEvent, Is.Null);
        Assert.That(result.Answer!.Media[0].Formats, Is.EqualTo(new[] { "8" }));
    }

    [Test]
    public void Ipv6_offer_and_address_are_handled()
    {
        var options = new LocalMediaOptions { Address = "2001:db8::10", RtpPort = 20000 };

        var result = Answer(Offer("m=audio 4000 RTP/AVP 0\r\n", session: "c=IN IP6 2001:db8::7\r\n"), options);

        Assert.That(result.RemoteRtpAddress, Is.EqualTo("2001:db8::7"));
        Assert.That(result.Answer!.Connection, Is.EqualTo(new SdpConnection("IN", "IP6", "2001:db8::10")));
    }
}
