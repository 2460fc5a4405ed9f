using System.Net;
using System.Text;

namespace Softswitch.Interop.Tests.Support;

/// <summary>Hand-written SIP requests for probing the switch without depending on our own SIP code.</summary>
public static class SipProbe
{
    public static byte[] Options(IPEndPoint local, int switchPort, string transport = "UDP")
    {
        var branch = "z9hG4bK" + Guid.NewGuid().ToString("N")[..16];
        var text =
            $"OPTIONS sip:127.0.0.1:{switchPort} SIP/2.0\r\n" +
            $"Via: SIP/2.0/{transport} {local.Address}:{local.Port};branch={branch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:probe@127.0.0.1>;tag={Guid.NewGuid():N}\r\n" +
            $"To: <sip:127.0.0.1:{switchPort}>\r\n" +
            $"Call-ID: {Guid.NewGuid():N}@probe\r\n" +
            "CSeq: 1 OPTIONS\r\n" +
            "Content-Length: 0\r\n\r\n";
        return Encoding.ASCII.GetBytes(text);
    }
}
