using System.Text;
using Softswitch.Media.Sdp;

namespace Softswitch.Media.Tests.Sdp;

public class SdpWriterTests
{
    [TestCase(SdpTestData.Baresip)]
    [TestCase(SdpTestData.Linphone)]
    [TestCase(SdpTestData.SippPcmu)]
    [TestCase(SdpTestData.SippPcapPcma)]
    public void Real_crlf_bodies_round_trip_byte_for_byte(string file)
    {
        var original = SdpTestData.Read(file);

        var written = SdpWriter.Write(SdpTestData.Parse(file));

        Assert.That(Encoding.UTF8.GetString(written), Is.EqualTo(Encoding.UTF8.GetString(original)));
    }

    [Test]
    public void Lf_only_body_is_written_back_with_crlf_and_the_same_content()
    {
        var original = Encoding.UTF8.GetString(SdpTestData.Read(SdpTestData.Rfc2543Hold));

        var written = SdpWriter.WriteToString(SdpTestData.Parse(SdpTestData.Rfc2543Hold));

        Assert.That(written, Is.EqualTo(original.Replace("\n", "\r\n")));
    }

    [Test]
    [Description("RFC 8866 §5: session fields in the order v o s i u e p c b t r z k a, then m i c b k a")]
    public void Fields_are_written_in_rfc_order_whatever_the_input_order()
    {
        var text = "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\na=tool:x\r\nt=0 0\r\nr=7d 1h 0 25h\r\nb=AS:64\r\nc=IN IP4 10.0.0.1\r\n" +
                   "s=Call\r\np=+1 617 555-6011\r\ne=j@example.com\r\nu=http://example.com/\r\ni=About\r\nz=2882844526 -1h\r\n" +
                   "m=audio 4000 RTP/AVP 0\r\na=sendrecv\r\nb=AS:64\r\nc=IN IP4 10.0.0.2\r\ni=Voice\r\n";

        var written = SdpWriter.WriteToString(SdpTestData.ParseText(text));

        Assert.That(written, Is.EqualTo(
            "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=Call\r\ni=About\r\nu=http://example.com/\r\ne=j@example.com\r\n" +
            "p=+1 617 555-6011\r\nc=IN IP4 10.0.0.1\r\nb=AS:64\r\nt=0 0\r\nr=7d 1h 0 25h\r\nz=2882844526 -1h\r\na=tool:x\r\n" +
            "m=audio 4000 RTP/AVP 0\r\ni=Voice\r\nc=IN IP4 10.0.0.2\r\nb=AS:64\r\na=sendrecv\r\n"));
    }

    [Test]
    public void Unknown_attributes_survive_a_round_trip_in_place()
    {
        var text = "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\na=x-vendor:{\"a\":1}\r\na=group:BUNDLE 0\r\n" +
                   "m=audio 4000 RTP/AVP 0\r\na=mid:0\r\na=x-flag\r\na=rtpmap:0 PCMU/8000/1\r\n";

        var sdp = SdpTestData.ParseText(text);

        Assert.That(sdp.Media[0].GetAttribute("x-flag"), Is.EqualTo(""));
        Assert.That(SdpWriter.WriteToString(sdp), Is.EqualTo(text));
    }

    [Test]
    public void A_built_description_parses_back_to_the_same_text()
    {
        var sdp = new SessionDescription(new SdpOrigin("ss", "42", 7, "IN", "IP6", "2001:db8::1"), "Test")
        {
            Connection = SdpConnection.ForAddress("2001:db8::1"),
        };
        var audio = new MediaDescription("audio", 30000, "RTP/AVP");
        audio.Formats.AddRange(["0", "101"]);
        audio.AddAttribute("rtpmap", "101 telephone-event/8000").AddAttribute("fmtp", "101 0-16").AddAttribute("recvonly");
        sdp.Media.Add(audio);

        var text = SdpWriter.WriteToString(sdp);
        var reparsed = SdpTestData.ParseText(text);

        Assert.That(text, Does.StartWith("v=0\r\no=ss 42 7 IN IP6 2001:db8::1\r\ns=Test\r\nc=IN IP6 2001:db8::1\r\nt=0 0\r\n"));
        Assert.That(SdpWriter.WriteToString(reparsed), Is.EqualTo(text));
        Assert.That(reparsed.Media[0].Direction, Is.EqualTo(SdpMediaDirection.RecvOnly));
    }
}
