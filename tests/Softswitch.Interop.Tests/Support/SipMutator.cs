using System.Text;

namespace Softswitch.Interop.Tests.Support;

/// <summary>Turns valid SIP messages into broken ones: bit flips, cut, doubled or swapped bytes, huge numbers, missing CRLFs.</summary>
public sealed class SipMutator(int seed)
{
    private static readonly string[] Seeds =
    [
        "INVITE sip:1002@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bKfuzz1;rport\r\nMax-Forwards: 70\r\n" +
        "From: \"Fuzz\" <sip:1001@127.0.0.1>;tag=f1\r\nTo: <sip:1002@127.0.0.1>\r\nCall-ID: fuzz-1@127.0.0.1\r\nCSeq: 1 INVITE\r\n" +
        "Contact: <sip:1001@127.0.0.1:5099>\r\nContent-Type: application/sdp\r\nContent-Length: 129\r\n\r\n" +
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n",
        "REGISTER sip:127.0.0.1 SIP/2.0\r\nv: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bKfuzz2\r\nMax-Forwards: 70\r\n" +
        "f: <sip:1001@127.0.0.1>;tag=r1\r\nt: <sip:1001@127.0.0.1>\r\ni: fuzz-2@127.0.0.1\r\nCSeq: 2 REGISTER\r\n" +
        "m: <sip:1001@127.0.0.1:5099>;expires=60, \"x\" <sip:1001@10.0.0.1>\r\n" +
        "Authorization: Digest username=\"1001\", realm=\"softswitch.test\", nonce=\"abc\", uri=\"sip:127.0.0.1\", response=\"0123456789abcdef0123456789abcdef\", qop=auth, nc=00000001, cnonce=\"c\"\r\nl: 0\r\n\r\n",
        "OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5099;branch=z9hG4bKfuzz3\r\nMax-Forwards: 70\r\n" +
        "From: <sip:probe@127.0.0.1>;tag=o1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: fuzz-3\r\nCSeq: 3 OPTIONS\r\nContent-Length: 0\r\n\r\n",
        "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bKfuzz4\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\n" +
        "Call-ID: fuzz-4\r\nCSeq: 4 BYE\r\nContent-Length: 0\r\n\r\n",
    ];

    private static readonly string[] Nasty = ["\0", "\r", "\n", ":", ";", ",", "\"", "<", ">", "\\", "%", "%00", "99999999999999999999", "-1", " ", "\t", "\r\n ", "=", "@", "[", "]"];

    private readonly Random _random = new(seed);

    public byte[] Next()
    {
        var message = Encoding.ASCII.GetBytes(Seeds[_random.Next(Seeds.Length)]).ToList();
        var edits = 1 + _random.Next(4);
        for (var i = 0; i < edits && message.Count > 0; i++)
        {
            var at = _random.Next(message.Count);
            switch (_random.Next(7))
            {
                case 0: message[at] ^= (byte)(1 << _random.Next(8)); break;
                case 1: message.RemoveRange(at, Math.Min(message.Count - at, 1 + _random.Next(20))); break;
                case 2: message.InsertRange(at, Encoding.ASCII.GetBytes(Nasty[_random.Next(Nasty.Length)])); break;
                case 3: message.RemoveRange(at, message.Count - at); break;
                case 4: message.InsertRange(at, message.GetRange(at, Math.Min(message.Count - at, 1 + _random.Next(60)))); break;
                case 5: message[at] = (byte)_random.Next(256); break;
                default: message.InsertRange(at, Enumerable.Repeat((byte)'A', _random.Next(2000))); break;
            }
        }

        return message.ToArray();
    }
}
