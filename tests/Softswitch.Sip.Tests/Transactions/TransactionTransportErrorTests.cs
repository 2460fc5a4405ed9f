using System.Net;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using static Softswitch.Sip.Tests.Transactions.Messages;

namespace Softswitch.Sip.Tests.Transactions;

public sealed class TransactionTransportErrorTests : TransactionLayerFixture
{
    /// <summary>Where §18.2.2 reconnects for a request from <see cref="Messages.PhoneTcp"/> whose Via says port 5090.</summary>
    private static readonly SipEndPoint PhoneTcpViaAddress = new(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, 5090));

    private ClientTransaction SendRequest(string method, SipEndPoint destination)
    {
        var request = Request(method, branch: "z9hG4bKclient", viaExtra: "", transport: destination.Transport.ToString().ToUpperInvariant());
        return Layer.SendRequest(request, request.Raw, destination);
    }

    private ServerTransaction ReceiveOverTcp(string method)
    {
        Layer.OnRequest(Request(method, transport: "TCP", viaExtra: ";rport", viaPort: 5090), PhoneTcp);
        return User.Requests.Single();
    }

    [Test, Description("RFC 3261 §17.1.4, §8.1.3.1")]
    public void Invite_client_whose_request_cannot_be_sent_ends_at_once_and_tells_the_user()
    {
        Transport.Unreachable.Add(PhoneTcp);
        var transaction = SendRequest("INVITE", PhoneTcp);

        Assert.That(Transport.ReportFailures(), Is.EqualTo(1));

        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(User.Timeouts, Is.EqualTo(new[] { transaction }));
        Assert.That(Layer.ClientTransactionCount, Is.Zero);
        Advance(33);
        Assert.That(User.Timeouts, Has.Count.EqualTo(1), "Timer B does not tell the user again");
    }

    [Test, Description("RFC 3261 §17.1.4: a UDP send error the OS reports (EHOSTUNREACH, EMSGSIZE) ends the transaction")]
    public void Non_invite_client_over_udp_stops_retransmitting_after_a_send_error()
    {
        Transport.Unreachable.Add(Phone);
        var transaction = SendRequest("OPTIONS", Phone);
        Transport.ReportFailures();
        Advance(5);

        Assert.That(Transport.TimesOf("OPTIONS "), Is.EqualTo(new[] { 0.0 }), "no retransmission after the failure");
        Assert.That(User.Timeouts, Is.EqualTo(new[] { transaction }));
        Assert.That(Layer.ClientTransactionCount, Is.Zero);
    }

    [Test, Description("RFC 3261 §17.1.4: after its final response the TU has its answer; a failed ACK ends the transaction quietly")]
    public void Invite_client_whose_ack_fails_ends_without_a_timeout()
    {
        var transaction = SendRequest("INVITE", Phone);
        Transport.Unreachable.Add(Phone);
        Layer.OnResponse(Response(486, "INVITE"), Phone);
        Transport.ReportFailures();

        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(User.Responses.Select(r => r.Status), Is.EqualTo(new[] { 486 }));
        Assert.That(User.Timeouts, Is.Empty);
        Assert.That(Layer.ClientTransactionCount, Is.Zero);
    }

    [Test, Description("RFC 3261 §18.2.2: the request's connection failed, so the response goes over a new one to the Via address")]
    public void Server_response_over_a_dead_connection_is_sent_again_to_the_via_address()
    {
        var transaction = ReceiveOverTcp("INVITE");
        Assert.That(transaction.MayOpenConnection, Is.False, "a response first tries only the request's own connection");
        Transport.Unreachable.Add(PhoneTcp);

        transaction.SendResponse(486, Bytes("SIP/2.0 486 Busy Here"));
        Assert.That(Transport.ReportFailures(), Is.EqualTo(1), "the 486 on the old connection; the new one works");

        var busy = Transport.Sent.Where(s => s.Text.StartsWith("SIP/2.0 486 ", StringComparison.Ordinal)).Select(s => s.To);
        Assert.That(busy, Is.EqualTo(new[] { PhoneTcp, PhoneTcpViaAddress }));
        Assert.That(transaction.Peer, Is.EqualTo(PhoneTcpViaAddress));
        Assert.That(transaction.MayOpenConnection, Is.True);
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Completed));
        Assert.That(User.ServerFailures, Is.Empty);
    }

    [Test, Description("RFC 3261 §17.2.4: when the Via address fails too, the TU is told and the transaction ends")]
    public void Server_transaction_gives_up_when_the_via_address_fails_too()
    {
        var transaction = ReceiveOverTcp("INVITE");
        Transport.Unreachable.UnionWith([PhoneTcp, PhoneTcpViaAddress]);

        transaction.SendResponse(486, Bytes("SIP/2.0 486 Busy Here"));
        Transport.ReportFailures();

        Assert.That(Transport.Sent.Count(s => s.To == PhoneTcpViaAddress), Is.EqualTo(1), "one new connection, not one per report");
        Assert.That(User.ServerFailures, Is.EqualTo(new[] { transaction }));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(Layer.ServerTransactionCount, Is.Zero);
        Advance(33);
        Assert.That(User.ServerFailures, Has.Count.EqualTo(1), "Timer H does not tell the user again");
    }

    [Test, Description("RFC 3261 §17.2.4 over TCP: Timer J is zero, yet the failure of the final response still reaches the TU")]
    public void Non_invite_server_over_tcp_reports_a_final_response_that_failed_after_timer_J()
    {
        var transaction = ReceiveOverTcp("OPTIONS");
        Transport.Unreachable.UnionWith([PhoneTcp, PhoneTcpViaAddress]);
        transaction.SendResponse(200, Bytes("SIP/2.0 200 OK"));
        Assert.That(() => transaction.State, Is.EqualTo(TransactionState.Terminated).After(5_000, 5), "zero Timer J");

        Transport.ReportFailures();

        Assert.That(Transport.TimesOf("SIP/2.0 200 "), Has.Length.EqualTo(2), "on the old connection, then to the Via address");
        Assert.That(User.ServerFailures, Is.EqualTo(new[] { transaction }));
        Assert.That(Layer.ServerTransactionCount, Is.Zero);
    }

    [Test, Description("RFC 6026 §7.1: in Accepted a transport error is reported, and the transaction stays until Timer L")]
    public void Accepted_invite_server_reports_a_failed_2xx_and_still_absorbs_retransmissions()
    {
        Layer.OnRequest(Request("INVITE"), Phone);
        var transaction = User.Requests.Single();
        Transport.Unreachable.Add(Phone);
        transaction.SendResponse(200, Bytes("SIP/2.0 200 OK"));
        Transport.ReportFailures();

        Assert.That(User.ServerFailures, Is.EqualTo(new[] { transaction }));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Accepted));
        Layer.OnRequest(Request("INVITE"), Phone);
        Assert.That(User.Requests, Has.Count.EqualTo(1), "the retransmitted INVITE is still absorbed");
        Advance(32.1);
        Assert.That(Layer.ServerTransactionCount, Is.Zero, "Timer L");
        Assert.That(User.ServerFailures, Has.Count.EqualTo(1));
    }

    [Test, Description("RFC 3261 §17.2.4: over UDP there is no other address to try")]
    public void Server_transaction_over_udp_gives_up_at_the_first_failure()
    {
        Layer.OnRequest(Request("INVITE"), Phone);
        var transaction = User.Requests.Single();
        Transport.Unreachable.Add(Phone);
        transaction.SendResponse(486, Bytes("SIP/2.0 486 Busy Here"));
        Transport.ReportFailures();
        Advance(5);

        Assert.That(Transport.TimesOf("SIP/2.0 486 "), Is.EqualTo(new[] { 0.0 }), "no Timer G retransmission after the failure");
        Assert.That(User.ServerFailures, Is.EqualTo(new[] { transaction }));
        Assert.That(Layer.ServerTransactionCount, Is.Zero);
    }

    [Test]
    public void A_failure_reported_for_an_address_the_transaction_left_is_ignored()
    {
        var transaction = ReceiveOverTcp("INVITE");
        Transport.Unreachable.Add(PhoneTcp);
        Transport.ReportFailures(); // the 100 Trying: now answering at the Via address

        TransactionLayer.OnTransportError(transaction, PhoneTcp); // a late report of another send on the old connection

        Assert.That(transaction.State, Is.EqualTo(TransactionState.Proceeding));
        Assert.That(User.ServerFailures, Is.Empty);
        Assert.That(transaction.SendResponse(180, Bytes("SIP/2.0 180 Ringing")), Is.True);
        Assert.That(Transport.Sent.Last().To, Is.EqualTo(PhoneTcpViaAddress));
    }
}
