using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Softswitch.Sip.Messages;

namespace Softswitch.Benchmarks;

/// <summary>
/// Budget (docs/BENCHMARKS.md): parse a typical ~900-byte INVITE in under 2 µs with no allocation beyond the
/// message (its object, its copy of the bytes and its header index).
/// </summary>
[MemoryDiagnoser]
public class SipParseBenchmarks
{
    private const string Sdp =
        "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.101\r\ns=-\r\nc=IN IP4 192.0.2.101\r\nt=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";

    private static readonly byte[] s_invite = Encoding.ASCII.GetBytes(
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
        $"Content-Length: {Sdp.Length}\r\n\r\n" + Sdp);

    private readonly ArrayBufferWriter<byte> _output = new(2048);
    private SipRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        SipMessageParser.TryParse(s_invite, out var message, out _);
        _request = (SipRequest)message!;
    }

    [Benchmark(Baseline = true)]
    public SipMessage? ParseInvite()
    {
        SipMessageParser.TryParse(s_invite, out var message, out _);
        return message;
    }

    [Benchmark]
    public int ParseInviteAndReadTransactionKeys()
    {
        SipMessageParser.TryParse(s_invite, out var message, out _);
        return message!.CallId.Length + (int)message.CSeq.Number + message.TopVia.Branch!.Length + message.From.Tag!.Length;
    }

    [Benchmark]
    public int Write200OkResponse()
    {
        _output.ResetWrittenCount();
        return SipResponseBuilder.For(_request, 200).WithToTag("a6c85cf").WriteTo(_output);
    }
}
