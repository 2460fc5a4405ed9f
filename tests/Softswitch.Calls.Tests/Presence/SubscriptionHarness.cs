using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Calls.Presence;
using Softswitch.Calls.Signalling;
using Softswitch.Calls.Tests.Support;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Tests.Presence;

/// <summary>
/// The dialog-event notifier without sockets: SUBSCRIBEs go into a real transaction layer, the real notifier answers and
/// sends NOTIFYs, and every message it sends is parsed back; the test answers NOTIFYs itself. Time is a fake clock.
/// </summary>
internal sealed class SubscriptionHarness : ITransactionTransport, ITransactionUser, ICredentialStore, IAsyncDisposable
{
    public const string Domain = "softswitch.test";
    public static readonly SipEndPoint Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.5"), 40404));

    private readonly Dictionary<string, string> _passwords = new() { ["1001"] = "secret-1001", ["1002"] = "secret-1002", ["1003"] = "secret-1003" };
    private readonly List<SipMessage> _sent = [];
    private readonly HashSet<SipRequest> _answered = new(ReferenceEqualityComparer.Instance);
    private readonly TransactionLayer _layer;
    private int _cseq;

    public SubscriptionHarness(int minExpires = 60, int maxExpires = 3600, IMessageWaiting? messageWaiting = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        Board = new ExtensionActivity();
        var authenticator = new RequestAuthenticator(new DigestAuthenticator(new NonceManager(Time)), this,
            new RequestAuthenticatorOptions { Realm = Domain });
        var domain = new LocalDomain(new SignallingOptions { Domain = Domain, ListenAddresses = [IPAddress.Loopback] });
        Subscriptions = new DialogSubscriptions(Board, authenticator, domain, _passwords.ContainsKey,
            new DialogSubscriptionOptions { MinExpires = minExpires, MaxExpires = maxExpires, Domain = Domain, LocalHost = "127.0.0.1", LocalPort = 5060 },
            Time, NullLogger<DialogSubscriptions>.Instance, messageWaiting);
        _layer = new TransactionLayer(Time, new TransactionTimerOptions(), this, this, new TransactionMessageFactory());
        Subscriptions.Attach(_layer);
    }

    public FakeTimeProvider Time { get; }

    public ExtensionActivity Board { get; }

    public DialogSubscriptions Subscriptions { get; }

    /// <summary>Every NOTIFY the notifier sent, in order.</summary>
    public IReadOnlyList<SipRequest> Notifies
    {
        get { lock (_sent) return _sent.OfType<SipRequest>().Where(r => r.Method == SipMethod.Notify).ToList(); }
    }

    /// <summary>A SUBSCRIBE as a phone writes it; in a dialog when <paramref name="toTag"/> is given.</summary>
    public string Subscribe(string watched = "1001", string subscriber = "1002", string? expires = "600", string @event = "dialog",
        string? authorization = null, string? toTag = null, string callId = "blf-1", string host = Domain, string? accept = null)
    {
        var cseq = Interlocked.Increment(ref _cseq);
        return
            $"SUBSCRIBE sip:{watched}@{host} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.5:40404;branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:{subscriber}@{Domain}>;tag=phone-{subscriber}\r\n" +
            $"To: <sip:{watched}@{host}>{(toTag is null ? "" : ";tag=" + toTag)}\r\n" +
            $"Call-ID: {callId}\r\n" +
            $"CSeq: {cseq} SUBSCRIBE\r\n" +
            $"Contact: <sip:{subscriber}@127.0.0.5:40404>\r\n" +
            $"Event: {@event}\r\n" +
            (accept is null ? "" : $"Accept: {accept}\r\n") +
            (expires is null ? "" : $"Expires: {expires}\r\n") +
            (authorization is null ? "" : $"Authorization: {authorization}\r\n") +
            "Content-Length: 0\r\n\r\n";
    }

    /// <summary>Sends a request and returns the final response it got (the notifier answers synchronously).</summary>
    public SipResponse Send(string request)
    {
        SipMessageParser.TryParse(Encoding.UTF8.GetBytes(request), out var message, out var error);
        Assert.That(message, Is.InstanceOf<SipRequest>(), error.ToString());
        var sipRequest = (SipRequest)message!;
        _layer.OnRequest(sipRequest, Phone);
        lock (_sent)
        {
            return _sent.OfType<SipResponse>().Last(r => r.CallId == sipRequest.CallId && r.CSeq.Number == sipRequest.CSeq.Number && r.StatusCode >= 200);
        }
    }

    /// <summary>SUBSCRIBE, answer the 401, return the 200 (or whatever the authenticated request got).</summary>
    public SipResponse SubscribeAuthenticated(string watched = "1001", string subscriber = "1002", string? expires = "600", string callId = "blf-1",
        string host = Domain, string @event = "dialog", string? accept = null)
    {
        var challenge = Send(Subscribe(watched, subscriber, expires, @event, callId: callId, host: host, accept: accept));
        Assert.That(challenge.StatusCode, Is.EqualTo(401), "a SUBSCRIBE without credentials is challenged");
        return Send(Subscribe(watched, subscriber, expires, @event, Answer(challenge, subscriber, $"sip:{watched}@{host}"), callId: callId, host: host,
            accept: accept));
    }

    /// <summary>Waits (the board notifies on its own loop) until <paramref name="count"/> NOTIFYs were sent.</summary>
    public async Task<SipRequest> NotifyAsync(int count)
    {
        await Eventually.TrueAsync(() => Notifies.Count >= count, () => $"{Notifies.Count} NOTIFY sent, expected {count}");
        return Notifies[count - 1];
    }

    /// <summary>Answers each NOTIFY not answered yet, as the subscriber would.</summary>
    public int AnswerNotifies(int statusCode = 200)
    {
        var answered = 0;
        foreach (var notify in Notifies)
        {
            lock (_answered)
            {
                if (!_answered.Add(notify)) continue;
            }

            var bytes = SipResponseBuilder.For(notify, statusCode).ToBytes();
            SipMessageParser.TryParse(bytes, out var response, out _);
            _layer.OnResponse((SipResponse)response!, Phone);
            answered++;
        }

        return answered;
    }

    public void Send(ReadOnlyMemory<byte> message, SipEndPoint destination)
    {
        SipMessageParser.TryParse(message.Span, out var parsed, out _);
        lock (_sent)
        {
            // A retransmitted NOTIFY (same branch) is not a new one.
            if (parsed is SipRequest request && _sent.OfType<SipRequest>().Any(r => r.TopVia.Branch == request.TopVia.Branch)) return;
            _sent.Add(parsed!);
        }
    }

    public DigestSecret? FindSecret(string username, string realm) =>
        _passwords.TryGetValue(username, out var password) ? DigestSecret.FromPassword(password) : null;

    public void OnRequest(ServerTransaction transaction)
    {
        if (!Subscriptions.TryHandleInDialog(transaction)) Subscriptions.HandleSubscribe(transaction);
    }

    public void OnAck(SipRequest ack, SipEndPoint source)
    {
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response) => Subscriptions.OnResponse(transaction, response);

    public void OnTimeout(ClientTransaction transaction) => Subscriptions.OnTimeout(transaction);

    public void OnServerFailure(ServerTransaction transaction)
    {
    }

    public void OnStrayResponse(SipResponse response, SipEndPoint source)
    {
    }

    private string Answer(SipResponse challenge, string username, string uri) =>
        Register.Answer(challenge, username, _passwords[username], DigestAlgorithm.Md5, method: "SUBSCRIBE", uri: uri);

    public async ValueTask DisposeAsync()
    {
        Subscriptions.Dispose();
        await Board.DisposeAsync();
    }
}
