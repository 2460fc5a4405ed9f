using System.Text;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using static Softswitch.Sip.Tests.Transactions.Messages;

namespace Softswitch.Sip.Tests.Transactions;

public sealed class ClientTransactionTests : TransactionLayerFixture
{
    private ClientTransaction Send(string method, string transport = "UDP")
    {
        var request = Request(method, branch: "z9hG4bKclient", viaExtra: "", transport: transport, viaPort: 5060);
        var bytes = request.Raw;
        return Layer.SendRequest(request, bytes, transport == "UDP" ? Phone : PhoneTcp);
    }

    [Test, Description("RFC 3261 §17.1.2.2 Timer E and F")]
    public void Non_invite_client_retransmits_doubling_to_T2_and_times_out_at_64_T1()
    {
        Send("OPTIONS");
        Advance(33);

        Assert.That(Transport.TimesOf("OPTIONS "),
            Is.EqualTo(new[] { 0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5 }).Within(0.011));
        Assert.That(User.Timeouts, Has.Count.EqualTo(1));
        Assert.That(Layer.ClientTransactionCount, Is.Zero);
    }

    [Test, Description("RFC 3261 §17.1.2.2: in Proceeding, Timer E fires every T2")]
    public void Non_invite_client_in_proceeding_retransmits_every_T2()
    {
        Send("OPTIONS");
        Advance(0.2);
        Layer.OnResponse(Response(100, "OPTIONS"), Phone);
        Advance(10);

        Assert.That(Transport.TimesOf("OPTIONS "), Is.EqualTo(new[] { 0, 0.5, 4.5, 8.5 }).Within(0.011));
        Assert.That(User.Responses.Select(r => r.Status), Is.EqualTo(new[] { 100 }));
    }

    [Test, Description("RFC 3261 §17.1.2.2: Completed absorbs retransmitted finals; Timer K = T4")]
    public void Non_invite_client_delivers_one_final_response_and_ends_after_T4()
    {
        var transaction = Send("REGISTER");
        Layer.OnResponse(Response(200, "REGISTER"), Phone);
        Layer.OnResponse(Response(200, "REGISTER"), Phone);

        Assert.That(User.Responses.Select(r => r.Status), Is.EqualTo(new[] { 200 }));
        Advance(4.9);
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Completed));
        Advance(0.2);
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(Transport.TimesOf("REGISTER "), Is.EqualTo(new[] { 0.0 }));
    }

    [Test, Description("RFC 3261 §17.1.1.2 Timer A (no T2 cap) and B")]
    public void Invite_client_retransmits_doubling_without_cap_and_times_out_at_64_T1()
    {
        Send("INVITE");
        Advance(33);

        Assert.That(Transport.TimesOf("INVITE "), Is.EqualTo(new[] { 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 }).Within(0.011));
        Assert.That(User.Timeouts, Has.Count.EqualTo(1));
    }

    [Test, Description("RFC 3261 §17.1.1.2: a provisional response stops Timer A and Timer B")]
    public void Invite_client_stops_retransmitting_once_it_hears_a_provisional()
    {
        Send("INVITE");
        Advance(0.7);
        Layer.OnResponse(Response(180, "INVITE"), Phone);
        Advance(60);

        Assert.That(Transport.TimesOf("INVITE "), Has.Length.EqualTo(2));
        Assert.That(User.Timeouts, Is.Empty);
    }

    [Test, Description("RFC 3261 §17.1.1.3: ACK a non-2xx inside the transaction, again for each retransmission")]
    public void Invite_client_acknowledges_a_failure_response_and_each_retransmission_of_it()
    {
        var transaction = Send("INVITE");
        Layer.OnResponse(Response(486, "INVITE", toTag: "busy1"), Phone);
        Layer.OnResponse(Response(486, "INVITE", toTag: "busy1"), Phone);

        var acks = Transport.Sent.Where(s => s.Text.StartsWith("ACK ", StringComparison.Ordinal)).ToList();
        Assert.That(acks, Has.Count.EqualTo(2));
        var ack = (SipRequest)Parse(acks[0].Text);
        Assert.Multiple(() =>
        {
            Assert.That(ack.RequestUri.ToString(), Is.EqualTo("sip:1002@127.0.0.1"));
            Assert.That(ack.TopVia!.Branch, Is.EqualTo("z9hG4bKclient"), "same branch as the INVITE");
            Assert.That(ack.To!.Tag, Is.EqualTo("busy1"), "To from the response");
            Assert.That(ack.From!.Tag, Is.EqualTo("ft1"));
            Assert.That(ack.CSeq.Number, Is.EqualTo(1u));
            Assert.That(ack.CSeq.Method, Is.EqualTo(SipMethod.Ack));
            Assert.That(ack.CallId, Is.EqualTo("call-1@test"));
        });
        Assert.That(User.Responses.Select(r => r.Status), Is.EqualTo(new[] { 486 }));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Completed));
        Advance(32.1);
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated), "Timer D");
    }

    [Test, Description("RFC 6026 §8.4: every 2xx is passed up while Accepted; the transaction never ACKs a 2xx")]
    public void Invite_client_passes_each_2xx_to_the_user_and_sends_no_ack()
    {
        Send("INVITE");
        Layer.OnResponse(Response(200, "INVITE"), Phone);
        Layer.OnResponse(Response(200, "INVITE"), Phone);

        Assert.That(User.Responses.Select(r => r.Status), Is.EqualTo(new[] { 200, 200 }));
        Assert.That(Transport.TimesOf("ACK "), Is.Empty);
        Advance(32.1);
        Assert.That(Layer.ClientTransactionCount, Is.Zero, "Timer M");
    }

    [Test, Description("RFC 3261 §17.1.1.2: no retransmission over a reliable transport")]
    public void Invite_client_over_tcp_sends_once_and_still_times_out()
    {
        Send("INVITE", transport: "TCP");
        Advance(33);

        Assert.That(Transport.TimesOf("INVITE "), Is.EqualTo(new[] { 0.0 }));
        Assert.That(User.Timeouts, Has.Count.EqualTo(1));
    }

    [Test, Description("RFC 3261 §17.1.3: branch and CSeq method must both match")]
    public void A_response_for_another_method_on_the_same_branch_is_stray()
    {
        Send("INVITE");
        Layer.OnResponse(Response(200, "CANCEL"), Phone);

        Assert.That(User.Responses, Is.Empty);
        Assert.That(User.Strays, Has.Count.EqualTo(1));
    }
}
