using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Tests.Messages;

/// <summary>Typical messages shared by the parser, writer and builder tests.</summary>
internal static class SampleMessages
{
    public const string Sdp =
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 192.0.2.101\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.101\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=sendrecv\r\n";

    /// <summary>About 900 bytes: what a desk phone sends for a basic call.</summary>
    public static readonly string Invite =
        "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Via: SIP/2.0/UDP proxy.atlanta.example.com;branch=z9hG4bK4b43c2ff8.1;received=192.0.2.3\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: Bob <sip:bob@biloxi.example.com>\r\n" +
        "From: \"Alice Liddell\" <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@pc33.atlanta.example.com:5060;transport=udp>\r\n" +
        "Record-Route: <sip:proxy.atlanta.example.com;lr>\r\n" +
        "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY, INFO, UPDATE\r\n" +
        "Supported: replaces, timer\r\n" +
        "User-Agent: Softphone/1.0\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Encoding.ASCII.GetByteCount(Sdp)}\r\n" +
        "\r\n" +
        Sdp;

    public static byte[] InviteBytes => Encoding.UTF8.GetBytes(Invite);

    public static SipMessage Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    public static SipMessage Parse(byte[] bytes)
    {
        var status = SipMessageParser.TryParse(bytes, out var message, out var error);
        Assert.That(status, Is.EqualTo(SipParseStatus.Ok), () => error.ToString());
        return message!;
    }

    public static SipRequest ParseRequest(string text) => (SipRequest)Parse(text);
}
