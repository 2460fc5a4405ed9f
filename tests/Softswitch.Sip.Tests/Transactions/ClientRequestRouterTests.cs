using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transactions;

/// <summary>Out-of-dialog requests the switch sends (a trunk's REGISTER, OPTIONS) get their responses back by branch.</summary>
public sealed class ClientRequestRouterTests
{
    private FakeTimeProvider _time = null!;
    private ClientRequestRouter _router = null!;
    private TransactionLayer _layer = null!;
    private RouterUser _user = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _router = new ClientRequestRouter();
        _user = new RouterUser(_router);
        _layer = new TransactionLayer(_time, new TransactionTimerOptions(), new RecordingTransport(_time), _user, new TransactionMessageFactory());
        _router.Attach(_layer);
    }

    [Test, Description("RFC 3261 §17.1.3: matched by branch and method")]
    public void Provisional_and_final_responses_reach_the_sender_and_the_final_one_forgets_it()
    {
        var owner = new RecordingOwner();
        var request = Messages.Request("REGISTER", branch: "z9hG4bKclient");
        _router.Send(request, request.Raw, Messages.Phone, owner);
        Assert.That(_router.Pending, Is.EqualTo(1));

        _layer.OnResponse(Messages.Response(100, "REGISTER"), Messages.Phone);
        _layer.OnResponse(Messages.Response(401, "REGISTER"), Messages.Phone);

        Assert.That(owner.Statuses, Is.EqualTo(new[] { 100, 401 }));
        Assert.That(_router.Pending, Is.Zero);
        Assert.That(_user.Unclaimed, Is.Zero);
    }

    [Test, Description("RFC 3261 §17.1.2.2: Timer F")]
    public void No_response_within_timer_f_is_a_timeout_for_the_sender()
    {
        var owner = new RecordingOwner();
        var request = Messages.Request("OPTIONS", branch: "z9hG4bKclient");
        _router.Send(request, request.Raw, Messages.Phone, owner);

        _time.Advance(TimeSpan.FromSeconds(33));

        Assert.That(owner.TimedOut, Is.True);
        Assert.That(_router.Pending, Is.Zero);
    }

    [Test]
    public void Responses_for_other_transactions_are_not_claimed()
    {
        var request = Messages.Request("OPTIONS", branch: "z9hG4bKother");
        _layer.SendRequest(request, request.Raw, Messages.Phone);
        _layer.OnResponse(Messages.Response(200, "OPTIONS", branch: "z9hG4bKother"), Messages.Phone);
        Assert.That(_user.Unclaimed, Is.EqualTo(1));
    }

    [Test]
    public void An_invite_is_refused_because_sessions_send_those()
    {
        var invite = Messages.Request("INVITE", branch: "z9hG4bKclient");
        Assert.Throws<ArgumentException>(() => _router.Send(invite, invite.Raw, Messages.Phone, new RecordingOwner()));
    }

    private sealed class RecordingOwner : IClientRequestOwner
    {
        public List<int> Statuses { get; } = [];

        public bool TimedOut { get; private set; }

        public void OnResponse(SipRequest request, SipResponse response) => Statuses.Add(response.StatusCode);

        public void OnTimeout(SipRequest request) => TimedOut = true;
    }

    /// <summary>A transaction user that hands client traffic to the router first, as the dispatcher does.</summary>
    private sealed class RouterUser(ClientRequestRouter router) : ITransactionUser
    {
        public int Unclaimed { get; private set; }

        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
            if (!router.OnResponse(transaction, response)) Unclaimed++;
        }

        public void OnTimeout(ClientTransaction transaction)
        {
            if (!router.OnTimeout(transaction)) Unclaimed++;
        }

        public void OnRequest(ServerTransaction transaction) { }
        public void OnAck(SipRequest ack, SipEndPoint source) { }
        public void OnServerFailure(ServerTransaction transaction) { }
        public void OnStrayResponse(SipResponse response, SipEndPoint source) { }
    }
}
