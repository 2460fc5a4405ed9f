using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Tests.Dialogs;

/// <summary>Hand-written requests a caller at 127.0.0.1:5090 sends in INVITE session tests.</summary>
internal static class DialogMessages
{
    public const string CallId = "dlg-1@test";
    public const string CallerTag = "caller-tag";

    public static string Sdp(string direction) =>
        "v=0\r\no=- 1 1 IN IP4 192.168.1.10\r\ns=-\r\nc=IN IP4 192.168.1.10\r\nt=0 0\r\n" +
        $"m=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na={direction}\r\n";

    public static SipRequest Invite(string branch = "z9hG4bKinv1", uint cseq = 1, string? recordRoute = null,
        string? extraHeaders = null, string body = "") =>
        Request("INVITE", branch, cseq, toTag: null, recordRoute: recordRoute, extraHeaders: extraHeaders, body: body,
            contentType: body.Length > 0 ? "application/sdp" : null);

    /// <summary>A request in the dialog: To carries <paramref name="toTag"/> (ours), From the caller's tag.</summary>
    public static SipRequest InDialog(string method, string toTag, uint cseq, string branch, string body = "",
        string? contentType = null, string contact = "<sip:1001@192.168.1.10:5090>", string? extraHeaders = null) =>
        Request(method, branch, cseq, toTag, recordRoute: null, extraHeaders: extraHeaders, body: body, contentType: contentType, contact: contact);

    public static SipRequest Ack(string toTag, uint cseq, string branch = "z9hG4bKack1", string body = "") =>
        Request("ACK", branch, cseq, toTag, recordRoute: null, extraHeaders: null, body: body,
            contentType: body.Length > 0 ? "application/sdp" : null);

    /// <summary>The CANCEL for <see cref="Invite"/>: same branch, Request-URI, From, To (no tag), Call-ID and CSeq number (§9.1).</summary>
    public static SipRequest Cancel(string branch = "z9hG4bKinv1", uint cseq = 1) =>
        Request("CANCEL", branch, cseq, toTag: null, recordRoute: null, extraHeaders: null, body: "", contentType: null);

    public static SipResponse Response(string sentText, int status)
    {
        var sent = (SipRequest)Parse(sentText);
        var text =
            $"SIP/2.0 {status} Whatever\r\n" +
            $"Via: {sent.TopVia}\r\n" +
            $"From: {sent.From}\r\n" +
            $"To: {sent.To}\r\n" +
            $"Call-ID: {sent.CallId}\r\n" +
            $"CSeq: {sent.CSeq}\r\n" +
            "Content-Length: 0\r\n\r\n";
        return (SipResponse)Parse(text);
    }

    public static SipMessage Parse(string text)
    {
        var status = SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error);
        Assert.That(status, Is.EqualTo(SipParseStatus.Ok), error.ToString());
        return message!;
    }

    private static SipRequest Request(string method, string branch, uint cseq, string? toTag, string? recordRoute,
        string? extraHeaders, string body, string? contentType, string contact = "<sip:1001@192.168.1.10:5090>")
    {
        var text = new StringBuilder()
            .Append($"{method} sip:1002@127.0.0.1 SIP/2.0\r\n")
            .Append($"Via: SIP/2.0/UDP 127.0.0.1:5090;branch={branch};rport\r\n")
            .Append("Max-Forwards: 70\r\n");
        if (recordRoute is not null) text.Append($"Record-Route: {recordRoute}\r\n");
        text.Append($"From: \"Alice\" <sip:1001@127.0.0.1>;tag={CallerTag}\r\n")
            .Append($"To: <sip:1002@127.0.0.1>{(toTag is null ? "" : ";tag=" + toTag)}\r\n")
            .Append($"Call-ID: {CallId}\r\n")
            .Append($"CSeq: {cseq} {method}\r\n");
        if (method != "ACK" && method != "CANCEL") text.Append($"Contact: {contact}\r\n");
        if (extraHeaders is not null) text.Append(extraHeaders);
        if (contentType is not null) text.Append($"Content-Type: {contentType}\r\n");
        text.Append($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n").Append(body);
        return (SipRequest)Parse(text.ToString());
    }
}
