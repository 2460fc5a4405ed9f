using Softswitch.Sip.Transactions;
using static Softswitch.Sip.Tests.Transactions.Messages;

namespace Softswitch.Sip.Tests.Transactions;

public sealed class ServerTransactionTests : TransactionLayerFixture
{
    [Test, Description("RFC 3261 §17.2.1")]
    public void Invite_server_sends_100_Trying_at_once_and_tells_the_user()
    {
        Layer.OnRequest(Request("INVITE"), Phone);

        Assert.That(Transport.TimesOf("SIP/2.0 100 "), Is.EqualTo(new[] { 0.0 }));
        Assert.That(User.Requests, Has.Count.EqualTo(1));
        Assert.That(User.Requests[0].State, Is.EqualTo(TransactionState.Proceeding));
    }

    [Test, Description("RFC 3261 §17.2.1: a retransmitted INVITE gets the latest provisional again, the TU hears nothing")]
    public void Invite_server_absorbs_a_retransmitted_invite_repeating_the_last_response()
    {
        Layer.OnRequest(Request("INVITE"), Phone);
        User.Requests[0].SendResponse(180, Bytes("SIP/2.0 180 Ringing"));

        Layer.OnRequest(Request("INVITE"), Phone);

        Assert.That(Transport.TimesOf("SIP/2.0 180 "), Has.Length.EqualTo(2));
        Assert.That(User.Requests, Has.Count.EqualTo(1));
    }

    [Test, Description("RFC 3261 §17.2.1 Timer G and H")]
    public void Invite_server_retransmits_a_final_response_doubling_to_T2_until_timer_H()
    {
        Layer.OnRequest(Request("INVITE"), Phone);
        User.Requests[0].SendResponse(486, Bytes("SIP/2.0 486 Busy Here"));

        Advance(33);

        Assert.That(Transport.TimesOf("SIP/2.0 486 "),
            Is.EqualTo(new[] { 0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5 }).Within(0.011));
        Assert.That(User.ServerFailures, Has.Count.EqualTo(1), "Timer H tells the TU the ACK never came");
        Assert.That(Layer.ServerTransactionCount, Is.Zero);
    }

    [Test, Description("RFC 3261 §17.2.1: ACK moves Completed to Confirmed; Timer I (T4) then ends it")]
    public void Invite_server_ack_stops_retransmission_and_terminates_after_T4()
    {
        Layer.OnRequest(Request("INVITE"), Phone);
        var transaction = User.Requests[0];
        transaction.SendResponse(486, Bytes("SIP/2.0 486 Busy Here"));
        Advance(0.6);

        Layer.OnRequest(Request("ACK"), Phone);
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Confirmed));
        Advance(4.9);
        Assert.That(Layer.ServerTransactionCount, Is.EqualTo(1));
        Advance(0.2);

        Assert.That(Transport.TimesOf("SIP/2.0 486 "), Has.Length.EqualTo(2));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(Layer.ServerTransactionCount, Is.Zero);
        Assert.That(User.Acks, Is.Empty, "the ACK for a non-2xx stays inside the transaction");
        Assert.That(User.ServerFailures, Is.Empty);
    }

    [Test, Description("RFC 6026 §7.1: after a 2xx the transaction is Accepted and absorbs INVITE retransmissions")]
    public void Invite_server_2xx_enters_accepted_and_absorbs_retransmissions_until_timer_L()
    {
        Layer.OnRequest(Request("INVITE"), Phone);
        var transaction = User.Requests[0];
        transaction.SendResponse(200, Bytes("SIP/2.0 200 OK"));

        Layer.OnRequest(Request("INVITE"), Phone);
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Accepted));
        Assert.That(transaction.SendResponse(200, Bytes("SIP/2.0 200 OK")), Is.True, "the TU retransmits its own 2xx");
        Assert.That(transaction.SendResponse(486, Bytes("SIP/2.0 486 Busy Here")), Is.False);

        Advance(32.1);
        Assert.That(Transport.TimesOf("SIP/2.0 200 "), Has.Length.EqualTo(2));
        Assert.That(Layer.ServerTransactionCount, Is.Zero);
    }

    [Test, Description("RFC 6026 §7.1: an ACK that matches an Accepted transaction goes to the dialog layer")]
    public void Ack_reusing_the_invite_branch_after_a_2xx_goes_to_the_user()
    {
        Layer.OnRequest(Request("INVITE", branch: "z9hG4bKsame"), Phone);
        User.Requests[0].SendResponse(200, Bytes("SIP/2.0 200 OK"));

        Layer.OnRequest(Request("ACK", branch: "z9hG4bKsame", toTag: "tt1"), Phone);

        Assert.That(User.Acks, Has.Count.EqualTo(1));
    }

    [Test, Description("RFC 3261 §17.2.1: over TCP nothing is retransmitted and Timer I is zero")]
    public void Invite_server_over_tcp_does_not_retransmit()
    {
        Layer.OnRequest(Request("INVITE", transport: "TCP"), PhoneTcp);
        User.Requests[0].SendResponse(486, Bytes("SIP/2.0 486 Busy Here"));
        Advance(10);

        Assert.That(Transport.TimesOf("SIP/2.0 486 "), Is.EqualTo(new[] { 0.0 }));
        Assert.That(Transport.Sent.All(s => s.To == PhoneTcp), "responses go back on the connection the request came on");
    }

    [Test, Description("RFC 3261 §17.2.2")]
    public void Non_invite_server_absorbs_in_trying_and_repeats_the_final_response_when_completed()
    {
        Layer.OnRequest(Request("OPTIONS"), Phone);
        Layer.OnRequest(Request("OPTIONS"), Phone);
        Assert.That(Transport.Sent, Is.Empty, "nothing to repeat yet");

        User.Requests[0].SendResponse(200, Bytes("SIP/2.0 200 OK"));
        Layer.OnRequest(Request("OPTIONS"), Phone);

        Assert.That(Transport.TimesOf("SIP/2.0 200 "), Has.Length.EqualTo(2));
        Assert.That(User.Requests, Has.Count.EqualTo(1));
    }

    [Test, Description("RFC 3261 §17.2.2 Timer J = 64·T1 over UDP")]
    public void Non_invite_server_lives_for_timer_J_after_its_final_response()
    {
        Layer.OnRequest(Request("REGISTER"), Phone);
        var transaction = User.Requests[0];
        transaction.SendResponse(200, Bytes("SIP/2.0 200 OK"));

        Advance(31.9);
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Completed));
        Advance(0.2);
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(transaction.SendResponse(200, Bytes("SIP/2.0 200 OK")), Is.False);
    }

    [Test, Description("RFC 3261 §8.2.2.2: same From tag, Call-ID and CSeq under another branch")]
    public void Merged_request_gets_482_and_never_reaches_the_user()
    {
        Layer.OnRequest(Request("INVITE", branch: "z9hG4bKpath1"), Phone);
        Layer.OnRequest(Request("INVITE", branch: "z9hG4bKpath2"), Phone);

        Assert.That(User.Requests, Has.Count.EqualTo(1));
        Assert.That(Transport.TimesOf("SIP/2.0 482 "), Has.Length.EqualTo(1));
    }

    [Test, Description("RFC 3261 §17.2.3: an ACK for a 2xx has its own branch and goes to the dialog layer")]
    public void Ack_matching_no_transaction_goes_to_the_user()
    {
        Layer.OnRequest(Request("ACK", branch: "z9hG4bKack2xx", toTag: "tt1"), Phone);

        Assert.That(User.Acks, Has.Count.EqualTo(1));
        Assert.That(Transport.Sent, Is.Empty);
    }

    [Test, Description("RFC 3261 §9.2: CANCEL matches the INVITE by branch and sent-by")]
    public void Cancel_finds_its_invite_transaction()
    {
        Layer.OnRequest(Request("INVITE", branch: "z9hG4bKinv"), Phone);
        Layer.OnRequest(Request("CANCEL", branch: "z9hG4bKinv"), Phone);

        var cancel = User.Requests[1];
        var invite = Layer.FindInviteFor(cancel.Request);

        Assert.That(invite, Is.SameAs(User.Requests[0]));
        Assert.That(invite!.IsCancelled, Is.True);
        Assert.That(Layer.FindInviteFor(Request("CANCEL", branch: "z9hG4bKother")), Is.Null);
    }

    [Test, Description("RFC 3261 §17.2.3: RFC 2543 peers (no magic cookie) still get retransmissions matched")]
    public void Requests_without_the_magic_cookie_are_matched_by_call_id_and_cseq()
    {
        Layer.OnRequest(Request("OPTIONS", branch: "oldstyle"), Phone);
        User.Requests[0].SendResponse(200, Bytes("SIP/2.0 200 OK"));
        Layer.OnRequest(Request("OPTIONS", branch: "oldstyle"), Phone);

        Assert.That(User.Requests, Has.Count.EqualTo(1));
        Assert.That(Transport.TimesOf("SIP/2.0 200 "), Has.Length.EqualTo(2));
    }
}
