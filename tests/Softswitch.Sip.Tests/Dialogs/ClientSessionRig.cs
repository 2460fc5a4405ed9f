using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Tests.Transactions;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Dialogs;

/// <summary>
/// A calling session's world: the real transaction layer on a fake clock over a recording transport, its user handing
/// everything to the <see cref="SessionRouter"/> (stray responses included) as the dispatcher does, and a callee at
/// 127.0.0.1:5070 whose answers the test writes.
/// </summary>
internal sealed class ClientSessionRig : ITransactionUser
{
    public static readonly SipEndPoint Callee = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5070));
    public static readonly byte[] Offer = Encoding.UTF8.GetBytes(DialogMessages.Sdp("sendrecv"));

    public ClientSessionRig()
    {
        Time = new FakeTimeProvider();
        Transport = new RecordingTransport(Time);
        Router = new SessionRouter(Time, new InviteSessionOptions { LocalHost = "127.0.0.1", LocalPort = 5060 });
        Layer = new TransactionLayer(Time, new TransactionTimerOptions(), Transport, this, new TransactionMessageFactory());
        Router.Attach(Layer, Transport);
    }

    public FakeTimeProvider Time { get; }
    public RecordingTransport Transport { get; }
    public TransactionLayer Layer { get; }
    public SessionRouter Router { get; }
    public RecordingClientOwner Owner { get; } = new();
    public List<SipResponse> UnclaimedResponses { get; } = [];

    public static OutgoingInvite Call(ReadOnlyMemory<byte>? offer = null, DigestLogin? credentials = null) => new()
    {
        Target = SipUri.Parse("sip:1002@192.168.1.20:5070"),
        Destination = Callee,
        From = NameAddress.Parse("\"Alice\" <sip:1001@127.0.0.1>"),
        To = NameAddress.Parse("<sip:1002@127.0.0.1>"),
        SdpOffer = offer ?? Offer,
        Credentials = credentials,
    };

    public InviteClientSession Start(OutgoingInvite? call = null) => Router.StartClientSession(call ?? Call(), Owner);

    /// <summary>The callee answers the last INVITE we sent.</summary>
    public void Answer(int status, string? toTag = "callee-tag", string? recordRoute = null, string body = "", string? extraHeaders = null) =>
        Layer.OnResponse(CalleeResponse(LastSent("INVITE ").Text, status, toTag, recordRoute, body, extraHeaders), Callee);

    public void AnswerLast(string startLine, int status) => Layer.OnResponse(CalleeResponse(LastSent(startLine).Text, status, null), Callee);

    public void Receive(SipRequest request) => Layer.OnRequest(request, Callee);

    public void Advance(double seconds)
    {
        for (var i = 0; i < (int)Math.Round(seconds * 100); i++) Time.Advance(TimeSpan.FromMilliseconds(10));
    }

    public List<SipRequest> Sent(string startLine) =>
        Transport.Sent.Where(s => s.Text.StartsWith(startLine, StringComparison.Ordinal)).Select(s => (SipRequest)DialogMessages.Parse(s.Text)).ToList();

    public (TimeSpan At, string Text, SipEndPoint To) LastSent(string startLine) =>
        Transport.Sent.Last(s => s.Text.StartsWith(startLine, StringComparison.Ordinal));

    /// <summary>A response from the callee to <paramref name="sentText"/>, with a To tag, Contact, Record-Route and body as asked.</summary>
    public static SipResponse CalleeResponse(string sentText, int status, string? toTag, string? recordRoute = null, string body = "",
        string? extraHeaders = null)
    {
        var sent = (SipRequest)DialogMessages.Parse(sentText);
        var text = new StringBuilder()
            .Append($"SIP/2.0 {status} {SipReasonPhrases.For(status)}\r\n")
            .Append($"Via: {sent.TopVia}\r\n");
        if (recordRoute is not null) text.Append($"Record-Route: {recordRoute}\r\n");
        text.Append($"From: {sent.From}\r\n")
            .Append($"To: {sent.To}{(toTag is null || sent.To.Tag is not null ? "" : ";tag=" + toTag)}\r\n")
            .Append($"Call-ID: {sent.CallId}\r\n")
            .Append($"CSeq: {sent.CSeq}\r\n");
        if (status is > 100 and < 300 && sent.Method == SipMethod.Invite) text.Append("Contact: <sip:1002@192.168.1.20:5070;transport=udp>\r\n");
        if (extraHeaders is not null) text.Append(extraHeaders);
        if (body.Length > 0) text.Append("Content-Type: application/sdp\r\n");
        text.Append($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n").Append(body);
        return (SipResponse)DialogMessages.Parse(text.ToString());
    }

    /// <summary>A request the callee sends in the dialog of <paramref name="session"/>: From has the callee's tag, To ours.</summary>
    public static SipRequest CalleeRequest(InviteClientSession session, string method, uint cseq, string calleeTag = "callee-tag",
        string branch = "z9hG4bKcallee1", string body = "", string? contentType = null, string? extraHeaders = null)
    {
        var text =
            $"{method} sip:1001@127.0.0.1:5060 SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:5070;branch={branch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:1002@127.0.0.1>;tag={calleeTag}\r\n" +
            $"To: \"Alice\" <sip:1001@127.0.0.1>;tag={session.LocalTag}\r\n" +
            $"Call-ID: {session.CallId}\r\n" +
            $"CSeq: {cseq} {method}\r\n" +
            "Contact: <sip:1002@192.168.1.20:5070>\r\n" +
            (extraHeaders ?? "") +
            (contentType is null ? "" : $"Content-Type: {contentType}\r\n") +
            $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n" + body;
        return (SipRequest)DialogMessages.Parse(text);
    }

    public void OnRequest(ServerTransaction transaction)
    {
        if (!Router.TryHandleInDialog(transaction)) throw new AssertionException($"unrouted {transaction.Request.MethodName}");
    }

    public void OnAck(SipRequest ack, SipEndPoint source) => Router.OnAck(ack, source);

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (!Router.OnResponse(transaction, response)) UnclaimedResponses.Add(response);
    }

    public void OnTimeout(ClientTransaction transaction) => Router.OnTimeout(transaction);

    public void OnServerFailure(ServerTransaction transaction) => Router.OnServerFailure(transaction);

    public void OnStrayResponse(SipResponse response, SipEndPoint source)
    {
        if (!Router.OnStrayResponse(response, source)) UnclaimedResponses.Add(response);
    }
}
