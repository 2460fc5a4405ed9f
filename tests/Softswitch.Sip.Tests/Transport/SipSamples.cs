using System.Text;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>SIP messages for framing tests, as they would arrive on the wire.</summary>
internal static class SipSamples
{
    public const string InviteBody =
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 127.0.0.1\r\n" +
        "s=-\r\n" +
        "c=IN IP4 127.0.0.1\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0\r\n";

    public static string Invite(string contentLengthHeader = "Content-Length: {0}") =>
        "INVITE sip:bob@127.0.0.1 SIP/2.0\r\n" +
        "Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK776asdhds\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: Bob <sip:bob@127.0.0.1>\r\n" +
        "From: Alice <sip:alice@127.0.0.1>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@127.0.0.1\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@127.0.0.1:5070;transport=tcp>\r\n" +
        "Content-Type: application/sdp\r\n" +
        string.Format(contentLengthHeader, InviteBody.Length) + "\r\n" +
        "\r\n" +
        InviteBody;

    public const string Options =
        "OPTIONS sip:127.0.0.1 SIP/2.0\r\n" +
        "Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bKopt1\r\n" +
        "To: <sip:127.0.0.1>\r\n" +
        "From: <sip:alice@127.0.0.1>;tag=42\r\n" +
        "Call-ID: opt1@127.0.0.1\r\n" +
        "CSeq: 1 OPTIONS\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n";

    public static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes);
}
