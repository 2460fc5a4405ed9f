using System.Net;
using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transactions;

/// <summary>Hand-written messages for transaction tests.</summary>
internal static class Messages
{
    public static readonly SipEndPoint Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5090));
    public static readonly SipEndPoint PhoneTcp = new(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, 40001));

    public static SipRequest Request(string method, string branch = "z9hG4bKaaa", string viaExtra = ";rport", string transport = "UDP",
        string fromTag = "ft1", string callId = "call-1@test", uint cseq = 1, string? toTag = null, int viaPort = 5090)
    {
        var text =
            $"{method} sip:1002@127.0.0.1 SIP/2.0\r\n" +
            $"Via: SIP/2.0/{transport} 127.0.0.1:{viaPort};branch={branch}{viaExtra}\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:1001@127.0.0.1>;tag={fromTag}\r\n" +
            $"To: <sip:1002@127.0.0.1>{(toTag is null ? "" : ";tag=" + toTag)}\r\n" +
            $"Call-ID: {callId}\r\n" +
            $"CSeq: {cseq} {(method == "ACK" ? "ACK" : method)}\r\n" +
            "Contact: <sip:1001@127.0.0.1:5090>\r\n" +
            "Content-Length: 0\r\n\r\n";
        return (SipRequest)Parse(text);
    }

    public static SipResponse Response(int status, string method, string branch = "z9hG4bKclient", string toTag = "tt9", uint cseq = 1)
    {
        var text =
            $"SIP/2.0 {status} Whatever\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:5060;branch={branch}\r\n" +
            "From: <sip:1001@127.0.0.1>;tag=ft1\r\n" +
            $"To: <sip:1002@127.0.0.1>;tag={toTag}\r\n" +
            "Call-ID: call-1@test\r\n" +
            $"CSeq: {cseq} {method}\r\n" +
            "Content-Length: 0\r\n\r\n";
        return (SipResponse)Parse(text);
    }

    public static SipMessage Parse(string text)
    {
        var status = SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error);
        Assert.That(status, Is.EqualTo(SipParseStatus.Ok), error.ToString());
        return message!;
    }

    public static ReadOnlyMemory<byte> Bytes(string startLine) => Encoding.UTF8.GetBytes(startLine + "\r\n\r\n");
}
