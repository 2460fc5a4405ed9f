using Softswitch.Media.Sdp;

namespace Softswitch.Media.Tests.Sdp;

public class MediaDescriptionTests
{
    private static MediaDescription Audio(string mLine, params string[] attributes)
    {
        var text = "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=" + mLine + "\r\n"
                   + string.Concat(attributes.Select(a => "a=" + a + "\r\n"));
        return SdpTestData.ParseText(text).Media[0];
    }

    [Test]
    [Description("RFC 3551 §6: static payload types need no rtpmap")]
    public void Static_payload_types_resolve_without_rtpmap()
    {
        var audio = Audio("audio 4000 RTP/AVP 0 8 9 18 3 13");

        Assert.That(audio.GetMediaFormats().Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "0 PCMU/8000", "8 PCMA/8000", "9 G722/8000", "18 G729/8000", "3 GSM/8000", "13 CN/8000",
        }));
    }

    [Test]
    public void Dynamic_payload_type_without_rtpmap_is_left_out()
    {
        var audio = Audio("audio 4000 RTP/AVP 0 97 abc", "rtpmap:98 iLBC/8000");

        Assert.That(audio.GetMediaFormats().Select(f => f.PayloadType), Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void Rtpmap_overrides_the_static_table()
    {
        var audio = Audio("audio 4000 RTP/AVP 0", "rtpmap:0 PCMU/8000/1", "fmtp:0 foo=bar");

        Assert.That(audio.GetMediaFormats().Single(), Is.EqualTo(new MediaFormat(0, "PCMU", 8000, 1, "foo=bar")));
    }

    [Test]
    public void Ptime_and_maxptime_are_read_and_fractional_ptime_is_tolerated()
    {
        Assert.That(Audio("audio 4000 RTP/AVP 0", "ptime:30", "maxptime:150").Ptime, Is.EqualTo(30));
        Assert.That(Audio("audio 4000 RTP/AVP 0", "ptime:30", "maxptime:150").MaxPtime, Is.EqualTo(150));
        Assert.That(Audio("audio 4000 RTP/AVP 0", "ptime:20.0").Ptime, Is.EqualTo(20));
        Assert.That(Audio("audio 4000 RTP/AVP 0", "ptime:soon").Ptime, Is.Null);
        Assert.That(Audio("audio 4000 RTP/AVP 0").Ptime, Is.Null);
    }

    [Test]
    [Description("RFC 3605 §2.1")]
    public void Rtcp_attribute_reads_port_and_optional_address()
    {
        Assert.That(Audio("audio 4000 RTP/AVP 0", "rtcp:53020").Rtcp, Is.EqualTo(new SdpRtcp(53020)));
        Assert.That(Audio("audio 4000 RTP/AVP 0", "rtcp:53020 IN IP4 126.16.64.4").Rtcp,
            Is.EqualTo(new SdpRtcp(53020, new SdpConnection("IN", "IP4", "126.16.64.4"))));
        Assert.That(Audio("audio 4000 RTP/AVP 0", "rtcp:99999").Rtcp, Is.Null);
    }

    [Test]
    [Description("RFC 5761 §5.1.1")]
    public void Rtcp_mux_is_a_property_attribute()
    {
        Assert.That(Audio("audio 4000 RTP/AVP 0", "rtcp-mux").RtcpMux, Is.True);
        Assert.That(Audio("audio 4000 RTP/AVP 0").RtcpMux, Is.False);
    }

    [Test]
    [Description("RFC 8866 §6.7: media-level direction overrides session level")]
    public void Media_direction_overrides_session_direction()
    {
        var sdp = SdpTestData.ParseText(
            "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\na=sendonly\r\n" +
            "m=audio 4000 RTP/AVP 0\r\na=inactive\r\nm=audio 4002 RTP/AVP 0\r\n");

        Assert.That(sdp.GetEffectiveDirection(sdp.Media[0]), Is.EqualTo(SdpMediaDirection.Inactive));
        Assert.That(sdp.GetEffectiveDirection(sdp.Media[1]), Is.EqualTo(SdpMediaDirection.SendOnly));
    }

    [Test]
    public void Media_connection_overrides_session_connection()
    {
        var sdp = SdpTestData.ParseText(
            "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n" +
            "m=audio 4000 RTP/AVP 0\r\nc=IN IP4 10.0.0.9\r\nm=audio 4002 RTP/AVP 0\r\n");

        Assert.That(sdp.GetEffectiveConnection(sdp.Media[0])!.Address, Is.EqualTo("10.0.0.9"));
        Assert.That(sdp.GetEffectiveConnection(sdp.Media[1])!.Address, Is.EqualTo("10.0.0.1"));
    }

    [TestCase("0 PCMU/8000", true, 0, "PCMU", 8000, 1)]
    [TestCase("111 opus/48000/2", true, 111, "opus", 48000, 2)]
    [TestCase("101  telephone-event/8000", true, 101, "telephone-event", 8000, 1)]
    [TestCase("128 PCMU/8000", false, 0, "", 0, 0)]
    [TestCase("96 opus", false, 0, "", 0, 0)]
    [TestCase("96 opus/0", false, 0, "", 0, 0)]
    [TestCase("96 opus/48000/2/1", false, 0, "", 0, 0)]
    [TestCase("x PCMU/8000", false, 0, "", 0, 0)]
    [Description("RFC 8866 §6.6")]
    public void Rtpmap_values_parse_strictly(string value, bool ok, int pt, string name, int clock, int channels)
    {
        Assert.That(SdpRtpMap.TryParse(value, out var rtpMap), Is.EqualTo(ok));
        if (ok)
        {
            Assert.That(rtpMap, Is.EqualTo(new SdpRtpMap(pt, name, clock, channels)));
        }
    }
}
