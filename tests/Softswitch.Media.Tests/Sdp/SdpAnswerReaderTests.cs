using Softswitch.Media.Sdp;

namespace Softswitch.Media.Tests.Sdp;

public class SdpAnswerReaderTests
{
    private static readonly LocalMediaOptions s_options = new()
    {
        Address = "192.0.2.10",
        RtpPort = 20000,
        Codecs = [CodecDescriptor.Opus, CodecDescriptor.Pcmu, CodecDescriptor.Pcma, CodecDescriptor.TelephoneEvent],
    };

    private static readonly SessionDescription s_offer =
        SdpOfferBuilder.Build(s_options, new SdpOrigin("-", "5", 1, "IN", "IP4", "192.0.2.10"), SdpMediaDirection.SendRecv);

    private static NegotiationResult Read(string mLines, string session = "c=IN IP4 198.51.100.7\r\n") =>
        SdpAnswerReader.Read(s_offer, SdpTestData.ParseText(
            "v=0\r\no=peer 1 1 IN IP4 198.51.100.7\r\ns=-\r\n" + session + "t=0 0\r\n" + mLines), s_options);

    [Test]
    public void Answer_with_an_offered_codec_is_accepted_with_its_transport()
    {
        var result = Read("m=audio 7000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:30\r\na=rtcp:7005\r\n");

        Assert.That(result.IsAccepted, Is.True, result.Error);
        Assert.That(result.Codec, Is.EqualTo(new MediaFormat(0, "PCMU", 8000)));
        Assert.That(result.TelephoneEvent, Is.EqualTo(new MediaFormat(101, "telephone-event", 8000, 1, "0-15")));
        Assert.That((result.RemoteRtpAddress, result.RemoteRtpPort, result.RemoteRtcpPort), Is.EqualTo(("198.51.100.7", 7000, 7005)));
        Assert.That(result.Ptime, Is.EqualTo(30));
        Assert.That(result.LocalDirection, Is.EqualTo(SdpMediaDirection.SendRecv));
    }

    [Test]
    public void Answer_may_omit_rtpmap_for_our_dynamic_payload_type()
    {
        var result = Read("m=audio 7000 RTP/AVP 111\r\n");

        Assert.That(result.Codec, Is.EqualTo(new MediaFormat(111, "opus", 48000, 2)));
    }

    [Test]
    [Description("RFC 3264 §6.1: the answer may only contain offered formats")]
    public void Answer_with_a_codec_not_offered_is_invalid()
    {
        var result = Read("m=audio 7000 RTP/AVP 18\r\n");

        Assert.That(result.Status, Is.EqualTo(NegotiationStatus.InvalidDescription));
        Assert.That(result.Error, Does.Contain("G729").And.Contain("not offered"));
    }

    [Test]
    public void Answer_remapping_an_offered_number_to_another_codec_is_invalid()
    {
        var result = Read("m=audio 7000 RTP/AVP 111\r\na=rtpmap:111 speex/16000\r\n");

        Assert.That(result.Status, Is.EqualTo(NegotiationStatus.InvalidDescription));
    }

    [Test]
    public void Answer_with_an_unknown_dynamic_payload_type_is_invalid()
    {
        Assert.That(Read("m=audio 7000 RTP/AVP 120\r\n").Status, Is.EqualTo(NegotiationStatus.InvalidDescription));
    }

    [Test]
    [Description("RFC 3264 §6: same number of m-lines, same media types")]
    public void Answer_with_a_different_m_line_count_or_media_is_invalid()
    {
        Assert.That(Read("m=audio 7000 RTP/AVP 0\r\nm=video 0 RTP/AVP 96\r\n").Error, Does.Contain("m-lines"));
        Assert.That(Read("m=video 7000 RTP/AVP 0\r\n").Status, Is.EqualTo(NegotiationStatus.InvalidDescription));
    }

    [Test]
    public void Rejected_audio_stream_is_not_acceptable()
    {
        Assert.That(Read("m=audio 0 RTP/AVP 0\r\n").Status, Is.EqualTo(NegotiationStatus.NotAcceptable));
    }

    [Test]
    public void Answer_with_only_telephone_event_is_not_acceptable()
    {
        Assert.That(Read("m=audio 7000 RTP/AVP 101\r\n").Status, Is.EqualTo(NegotiationStatus.NotAcceptable));
    }

    [Test]
    public void Answer_recvonly_to_our_sendrecv_means_we_only_send()
    {
        var result = Read("m=audio 7000 RTP/AVP 0\r\na=recvonly\r\n");

        Assert.That(result.LocalDirection, Is.EqualTo(SdpMediaDirection.SendOnly));
        Assert.That(result.RemoteHold, Is.False);
    }

    [Test]
    public void Answer_inactive_to_our_sendrecv_marks_the_peer_holding()
    {
        var result = Read("m=audio 7000 RTP/AVP 0\r\na=inactive\r\n");

        Assert.That(result.LocalDirection, Is.EqualTo(SdpMediaDirection.Inactive));
        Assert.That(result.RemoteHold, Is.True);
    }
}
