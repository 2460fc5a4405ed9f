using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Support;

/// <summary>REGISTER requests as a phone writes them, with a digest answer computed from a challenge.</summary>
internal static class Register
{
    private static int s_cseq;

    public static string Request(string extension = "1001", string? authorization = null, string expires = "3600",
        string contact = "<sip:1001@127.0.0.5:40404;transport=udp>", string host = SignallingHarness.Realm, string callId = "reg-call-1")
    {
        var cseq = Interlocked.Increment(ref s_cseq);
        return
            $"REGISTER sip:{host} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:{extension}@{host}>;tag=phone{cseq}\r\n" +
            $"To: <sip:{extension}@{host}>\r\n" +
            $"Call-ID: {callId}\r\n" +
            $"CSeq: {cseq} REGISTER\r\n" +
            (contact.Length > 0 ? $"Contact: {contact}\r\n" : "") +
            (expires.Length > 0 ? $"Expires: {expires}\r\n" : "") +
            (authorization is null ? "" : $"Authorization: {authorization}\r\n") +
            "User-Agent: test-phone/1.0\r\n" +
            "Content-Length: 0\r\n\r\n";
    }

    /// <summary>
    /// The Authorization value a phone computes for the first challenge using <paramref name="algorithm"/>, for a REGISTER
    /// to <paramref name="host"/> unless another <paramref name="method"/> and digest <paramref name="uri"/> are given.
    /// </summary>
    public static string Answer(SipResponse challenge, string username, string password, DigestAlgorithm algorithm,
        string host = SignallingHarness.Realm, string nc = "00000001", string method = "REGISTER", string? uri = null)
    {
        var name = algorithm == DigestAlgorithm.Md5 ? "MD5" : "SHA-256";
        var header = challenge.GetHeaderValues("WWW-Authenticate").First(h => h.Contains($"algorithm={name}", StringComparison.Ordinal));
        var nonce = Param(header, "nonce");
        var realm = Param(header, "realm");
        var opaque = Param(header, "opaque");
        uri ??= $"sip:{host}";
        const string cnonce = "0a4f113b";
        var response = DigestCalculator.ComputeResponse(algorithm, username, realm, password, method, uri, nonce, "auth", nc, cnonce);
        return $"Digest username=\"{username}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", " +
               $"algorithm={name}, qop=auth, nc={nc}, cnonce=\"{cnonce}\", opaque=\"{opaque}\"";
    }

    private static string Param(string header, string name)
    {
        var start = header.IndexOf(name + "=\"", StringComparison.Ordinal) + name.Length + 2;
        return header[start..header.IndexOf('"', start)];
    }
}
