using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Tests.Transactions;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Dialogs;

/// <summary>
/// A transaction layer on a fake clock with a recording transport, whose user hands everything to a
/// <see cref="SessionRouter"/> first, as the request dispatcher will; new out-of-dialog requests are kept.
/// </summary>
internal sealed class SessionRig : ITransactionUser
{
    public static readonly SipEndPoint Caller = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5090));

    public SessionRig()
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
    public RecordingOwner Owner { get; } = new();
    public List<ServerTransaction> NewRequests { get; } = [];
    public List<SipRequest> StrayAcks { get; } = [];

    public void Receive(SipRequest request) => Layer.OnRequest(request, Caller);

    /// <summary>Delivers the INVITE and starts a session on it, as call control does once it decides to take the call.</summary>
    public InviteServerSession Start(SipRequest invite)
    {
        Receive(invite);
        return Router.CreateSession(NewRequests[^1], Owner);
    }

    /// <summary>An answered and acknowledged call.</summary>
    public InviteServerSession StartConfirmed(SipRequest? invite = null)
    {
        var session = Start(invite ?? DialogMessages.Invite(body: DialogMessages.Sdp("sendrecv")));
        session.Accept(System.Text.Encoding.UTF8.GetBytes(DialogMessages.Sdp("sendrecv")));
        Receive(DialogMessages.Ack(session.Dialog.LocalTag, session.Invite.CSeq.Number));
        return session;
    }

    public void Advance(double seconds)
    {
        // Step in 10 ms so every timer fires at its own time, as on a real clock.
        for (var i = 0; i < (int)Math.Round(seconds * 100); i++) Time.Advance(TimeSpan.FromMilliseconds(10));
    }

    /// <summary>Every sent message starting with <paramref name="startLine"/>, parsed.</summary>
    public List<SipMessage> SentMessages(string startLine) =>
        Transport.Sent.Where(s => s.Text.StartsWith(startLine, StringComparison.Ordinal)).Select(s => DialogMessages.Parse(s.Text)).ToList();

    public (TimeSpan At, string Text, SipEndPoint To) LastSent(string startLine) =>
        Transport.Sent.Last(s => s.Text.StartsWith(startLine, StringComparison.Ordinal));

    public void OnRequest(ServerTransaction transaction)
    {
        if (!Router.TryHandleInDialog(transaction)) NewRequests.Add(transaction);
    }

    public void OnAck(SipRequest ack, SipEndPoint source)
    {
        if (!Router.OnAck(ack, source)) StrayAcks.Add(ack);
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response) => Router.OnResponse(transaction, response);

    public void OnTimeout(ClientTransaction transaction) => Router.OnTimeout(transaction);

    public void OnServerFailure(ServerTransaction transaction) => Router.OnServerFailure(transaction);

    public void OnStrayResponse(SipResponse response, SipEndPoint source)
    {
    }
}
