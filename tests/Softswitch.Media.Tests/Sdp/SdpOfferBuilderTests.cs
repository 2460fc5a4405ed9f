using Softswitch.Media.Sdp;

namespace Softswitch.Media.Tests.Sdp;

public class SdpOfferBuilderTests
{
    private static readonly SdpOrigin s_origin = new("-", "5", 3, "IN", "IP4", "192.0.2.10");

    [Test]
    public void Offer_lists_our_codecs_in_preference_order_with_rtpmap_fmtp_ptime_and_direction()
    {
        var options = new LocalMediaOptions
        {
            Address = "192.0.2.10",
            RtpPort = 20000,
            Codecs = [CodecDescriptor.Opus, CodecDescriptor.Pcmu, CodecDescriptor.Pcma, CodecDescriptor.TelephoneEvent],
        };

        var offer = SdpOfferBuilder.Build(options, s_origin, SdpMediaDirection.SendRecv);

        Assert.That(SdpWriter.WriteToString(offer), Is.EqualTo(
            "v=0\r\no=- 5 3 IN IP4 192.0.2.10\r\ns=Softswitch\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
            "m=audio 20000 RTP/AVP 111 0 8 101\r\n" +
            "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 useinbandfec=1\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n"));
    }

    [Test]
    public void Codecs_without_a_payload_type_get_free_dynamic_numbers()
    {
        var options = new LocalMediaOptions
        {
            Address = "192.0.2.10",
            RtpPort = 20000,
            Codecs = [new CodecDescriptor("L16", 16000), new CodecDescriptor("iLBC", 8000, PayloadType: 96), CodecDescriptor.Pcmu],
        };

        var audio = SdpOfferBuilder.Build(options, s_origin, SdpMediaDirection.SendRecv).Media[0];

        Assert.That(audio.Formats, Is.EqualTo(new[] { "97", "96", "0" }));
        Assert.That(audio.GetRtpMap(97), Is.EqualTo(new SdpRtpMap(97, "L16", 16000)));
    }

    [Test]
    public void Hold_offer_says_sendonly_and_rtcp_mux_is_offered_when_enabled()
    {
        var options = new LocalMediaOptions { Address = "192.0.2.10", RtpPort = 20000, RtcpMux = true };

        var audio = SdpOfferBuilder.Build(options, s_origin, SdpMediaDirection.SendOnly).Media[0];

        Assert.That(audio.Direction, Is.EqualTo(SdpMediaDirection.SendOnly));
        Assert.That(audio.RtcpMux, Is.True);
    }
}
