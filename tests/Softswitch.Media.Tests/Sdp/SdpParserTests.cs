using System.Text;
using Softswitch.Media.Sdp;

namespace Softswitch.Media.Tests.Sdp;

public class SdpParserTests
{
    [Test]
    public void Baresip_offer_parses_session_and_audio_fields()
    {
        var sdp = SdpTestData.Parse(SdpTestData.Baresip);

        Assert.That(sdp.Origin, Is.EqualTo(new SdpOrigin("-", "1713532210", 3402563771, "IN", "IP4", "192.168.1.34")));
        Assert.That(sdp.SessionName, Is.EqualTo("-"));
        Assert.That(sdp.Connection, Is.EqualTo(new SdpConnection("IN", "IP4", "192.168.1.34")));
        Assert.That(sdp.Timings, Has.Count.EqualTo(1));
        Assert.That(sdp.GetAttribute("tool"), Is.EqualTo("baresip 1.0.0"));
        Assert.That(sdp.Media, Has.Count.EqualTo(1));
        var audio = sdp.Media[0];
        Assert.That(audio.Media, Is.EqualTo("audio"));
        Assert.That(audio.Port, Is.EqualTo(10018));
        Assert.That(audio.Protocol, Is.EqualTo("RTP/AVP"));
        Assert.That(audio.Formats, Is.EqualTo(new[] { "96", "0", "8", "101" }));
        Assert.That(audio.Bandwidths, Is.EqualTo(new[] { new SdpBandwidth("AS", 128) }));
        Assert.That(audio.GetMediaFormats(), Is.EqualTo(new[]
        {
            new MediaFormat(96, "opus", 48000, 2, "stereo=1;sprop-stereo=1"),
            new MediaFormat(0, "PCMU", 8000),
            new MediaFormat(8, "PCMA", 8000),
            new MediaFormat(101, "telephone-event", 8000, 1, "0-15"),
        }));
        Assert.That(audio.Ptime, Is.EqualTo(20));
        Assert.That(audio.Direction, Is.EqualTo(SdpMediaDirection.SendRecv));
        Assert.That(audio.GetAttribute("ssrc"), Is.EqualTo("2740161251 cname:sip:alice@example.com"));
    }

    [Test]
    public void Linphone_offer_parses_audio_and_video_with_rtcp_attributes()
    {
        var sdp = SdpTestData.Parse(SdpTestData.Linphone);

        Assert.That(sdp.SessionName, Is.EqualTo("Talk"));
        Assert.That(sdp.Media.Select(m => m.Media), Is.EqualTo(new[] { "audio", "video" }));
        var audio = sdp.Media[0];
        Assert.That(audio.Formats, Has.Count.EqualTo(9));
        Assert.That(audio.GetMediaFormats().Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "96 opus/48000/2", "97 speex/16000", "98 speex/8000", "0 PCMU/8000", "8 PCMA/8000", "18 G729/8000",
            "101 telephone-event/48000", "99 telephone-event/16000", "100 telephone-event/8000",
        }));
        Assert.That(audio.GetFmtp(18), Is.EqualTo("annexb=yes"), "fmtp on a static payload type without rtpmap");
        Assert.That(audio.Rtcp, Is.EqualTo(new SdpRtcp(7079)));
        Assert.That(audio.RtcpMux, Is.True);
        Assert.That(audio.Direction, Is.Null, "no direction attribute: sendrecv by default");
        Assert.That(sdp.GetEffectiveDirection(audio), Is.EqualTo(SdpMediaDirection.SendRecv));
        Assert.That(sdp.Media[1].Port, Is.EqualTo(9078));
        Assert.That(sdp.Media[1].GetRtpMap(97), Is.EqualTo(new SdpRtpMap(97, "H264", 90000)));
    }

    [Test]
    public void Sipp_uac_default_offer_is_pcmu_only()
    {
        var sdp = SdpTestData.Parse(SdpTestData.SippPcmu);

        Assert.That(sdp.Origin.Username, Is.EqualTo("user1"));
        Assert.That(sdp.Origin.SessionVersion, Is.EqualTo(2353687637UL));
        Assert.That(sdp.Media.Single().GetMediaFormats(), Is.EqualTo(new[] { new MediaFormat(0, "PCMU", 8000) }));
        Assert.That(sdp.Media.Single().Port, Is.EqualTo(6000));
    }

    [Test]
    public void Sipp_uac_pcap_offer_is_pcma_with_telephone_event()
    {
        var sdp = SdpTestData.Parse(SdpTestData.SippPcapPcma);

        Assert.That(sdp.Media.Single().GetMediaFormats(), Is.EqualTo(new[]
        {
            new MediaFormat(8, "PCMA", 8000),
            new MediaFormat(101, "telephone-event", 8000, 1, "0-11,16"),
        }));
    }

    [Test]
    [Description("RFC 3264 §8.4: the RFC 2543 hold form, c=0.0.0.0")]
    public void Lf_only_hold_offer_parses_with_unspecified_connection()
    {
        var sdp = SdpTestData.Parse(SdpTestData.Rfc2543Hold);

        Assert.That(sdp.Connection!.IsUnspecified, Is.True);
        Assert.That(sdp.Media.Single().GetMediaFormats().Select(f => f.EncodingName),
            Is.EqualTo(new[] { "PCMU", "PCMA", "G729", "telephone-event" }));
    }

    [Test]
    public void Lf_line_ends_trailing_whitespace_and_blank_lines_are_tolerated()
    {
        var text = "v=0 \no=- 1 2 IN IP4 10.0.0.1\t\r\ns=-  \n\nc=IN  IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 0 \na=sendonly \n\n";

        var sdp = SdpTestData.ParseText(text);

        Assert.That(sdp.Origin.Address, Is.EqualTo("10.0.0.1"));
        Assert.That(sdp.SessionName, Is.EqualTo("-"));
        Assert.That(sdp.Connection!.Address, Is.EqualTo("10.0.0.1"));
        Assert.That(sdp.Media.Single().Formats, Is.EqualTo(new[] { "0" }));
        Assert.That(sdp.Media.Single().Direction, Is.EqualTo(SdpMediaDirection.SendOnly));
    }

    [TestCase("o=- 1 2 IN IP4 10.0.0.1\r\nv=0\r\ns=-\r\nt=0 0\r\n", "first line")]
    [TestCase("v=1\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\n", "version")]
    [TestCase("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\nhello\r\n", "form")]
    [TestCase("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\nA=foo\r\n", "form")]
    [TestCase("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\nx=foo\r\n", "unknown")]
    [TestCase("v=0\r\no=- 1 2 IN IP4\r\ns=-\r\nt=0 0\r\n", "o=")]
    [TestCase("v=0\r\no=- one 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\n", "o=")]
    [TestCase("v=0\r\ns=-\r\nt=0 0\r\n", "missing o=")]
    [TestCase("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\nt=0 0\r\n", "missing s=")]
    [TestCase("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\n", "missing t=")]
    [TestCase("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 70000 RTP/AVP 0\r\n", "m=")]
    [TestCase("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 4000\r\n", "m=")]
    [TestCase("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\ns=again\r\n", "media section")]
    [TestCase("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4\r\nt=0 0\r\n", "c=")]
    [TestCase("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\nb=AS\r\n", "b=")]
    [TestCase("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\na=:x\r\n", "a=")]
    [TestCase("", "empty")]
    [Description("RFC 8866 §5: v= first, <type>=<value> lines, o= s= t= required")]
    public void Malformed_bodies_are_rejected_with_a_reason(string text, string reasonPart)
    {
        var status = SdpParser.TryParse(Encoding.UTF8.GetBytes(text), out var description, out var error);

        Assert.That(status, Is.EqualTo(SdpParseStatus.Invalid));
        Assert.That(description, Is.Null);
        Assert.That(error, Does.Contain(reasonPart));
    }

    [Test]
    public void Multicast_connection_keeps_ttl_and_exposes_host()
    {
        var sdp = SdpTestData.ParseText("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 224.2.1.1/127\r\nt=0 0\r\nm=audio 4000/2 RTP/AVP 0\r\n");

        Assert.That(sdp.Connection!.Address, Is.EqualTo("224.2.1.1/127"));
        Assert.That(sdp.Connection.Host, Is.EqualTo("224.2.1.1"));
        Assert.That(sdp.Media[0].PortCount, Is.EqualTo(2));
    }

    [Test]
    public void Garbage_and_every_truncation_of_real_bodies_never_throw()
    {
        var random = new Random(3264);
        const string Alphabet = "v=0oscmtab \r\n:/ 0123456789INIP4audioRTP/AVP";
        var buffer = new byte[600];
        for (var i = 0; i < 3000; i++)
        {
            random.NextBytes(buffer);
            var length = random.Next(buffer.Length);
            if (i % 2 == 0)
            {
                // Mostly-printable noise with line breaks gets deeper into the field parsers.
                for (var j = 0; j < length; j++)
                {
                    buffer[j] = (byte)Alphabet[buffer[j] % Alphabet.Length];
                }
            }
            Assert.DoesNotThrow(() => SdpParser.TryParse(buffer.AsSpan(0, length), out _, out _));
        }
        foreach (var file in SdpTestData.AllFiles)
        {
            var bytes = SdpTestData.Read(file);
            for (var cut = 0; cut <= bytes.Length; cut++)
            {
                Assert.DoesNotThrow(() => SdpParser.TryParse(bytes.AsSpan(0, cut), out _, out _), $"{file} cut at {cut}");
            }
        }
    }

    [Test]
    public void Mutated_real_bodies_never_throw_and_parsed_ones_negotiate_without_throwing()
    {
        var random = new Random(8866);
        var options = new LocalMediaOptions { Address = "192.0.2.10", RtpPort = 20000 };
        var origin = new SdpOrigin("-", "1", 1, "IN", "IP4", "192.0.2.10");
        foreach (var file in SdpTestData.AllFiles)
        {
            var original = SdpTestData.Read(file);
            for (var i = 0; i < 400; i++)
            {
                var bytes = (byte[])original.Clone();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
                SessionDescription? parsed = null;
                Assert.DoesNotThrow(() => SdpParser.TryParse(bytes, out parsed, out _));
                if (parsed is not null)
                {
                    Assert.DoesNotThrow(() => SdpNegotiator.AnswerOffer(parsed, options, false, origin));
                }
            }
        }
    }
}
