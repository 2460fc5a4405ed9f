using System.Text;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using static Softswitch.Sip.Tests.Dialogs.ClientSessionRig;

namespace Softswitch.Sip.Tests.Dialogs;

/// <summary>The calling side serves the callee's in-dialog requests as the answering side does.</summary>
public sealed class InviteClientInDialogTests
{
    private static readonly string AnswerSdp = DialogMessages.Sdp("sendrecv");
    private ClientSessionRig _rig = null!;

    [SetUp]
    public void SetUp() => _rig = new ClientSessionRig();

    [Test, Description("RFC 3261 §14.2, §13.3.1.4: the callee puts us on hold; our 2xx is retransmitted until its ACK")]
    public void Reinvite_from_the_callee_reaches_the_owner_whose_answer_is_retransmitted_until_the_ack()
    {
        var session = Confirmed();
        _rig.Owner.OnOffer = (s, offer) => s.AnswerReInvite(Encoding.UTF8.GetBytes(DialogMessages.Sdp(offer.Contains("a=sendonly") ? "recvonly" : "sendrecv")));

        _rig.Receive(CalleeRequest(session, "INVITE", 5, branch: "z9hG4bKre1", body: DialogMessages.Sdp("sendonly"), contentType: "application/sdp"));
        _rig.Advance(2);
        _rig.Receive(Ack(session, 5));
        _rig.Advance(5);

        Assert.That(_rig.Owner.Offers.Single(), Does.Contain("a=sendonly"));
        var answers = OkResponses(5);
        Assert.That(answers, Has.Count.EqualTo(3), "retransmitted at 0.5 and 1.5 s until the ACK at 2 s");
        Assert.That(Encoding.UTF8.GetString(answers[0].Body.Span), Does.Contain("a=recvonly"));
        Assert.That(answers[0].To.Tag, Is.EqualTo(session.LocalTag));
        Assert.That(answers[0].Contacts.Single().Uri.ToString(), Is.EqualTo("sip:1001@127.0.0.1:5060"));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
    }

    [Test, Description("RFC 3261 §13.3.1.4, §14.2: a 2xx to a re-INVITE never ACKed ends the session with BYE after 64·T1")]
    public void Reinvite_answer_without_ack_ends_the_call_with_bye()
    {
        var session = Confirmed();
        _rig.Owner.OnOffer = (s, _) => s.AnswerReInvite(Encoding.UTF8.GetBytes(AnswerSdp));
        _rig.Receive(CalleeRequest(session, "INVITE", 5, branch: "z9hG4bKre1", body: DialogMessages.Sdp("sendonly"), contentType: "application/sdp"));

        _rig.Advance(32.1);
        _rig.AnswerLast("BYE ", 200);

        Assert.That(_rig.Sent("BYE ").Single().GetFirstHeaderValue("Reason"), Does.Contain("cause=408"));
        Assert.That(_rig.Owner.Events[^1], Is.EqualTo("Ended(AckTimeout)"));
    }

    [Test, Description("RFC 6086: INFO from the callee is answered 200 and reaches the owner")]
    public void Info_from_the_callee_is_answered_200_and_reaches_the_owner()
    {
        var session = Confirmed();

        _rig.Receive(CalleeRequest(session, "INFO", 5, body: "Signal=7\r\nDuration=100\r\n", contentType: "application/dtmf-relay"));

        Assert.That(_rig.Transport.Sent[^1].Text, Does.StartWith("SIP/2.0 200 ").And.Contain("CSeq: 5 INFO"));
        Assert.That(_rig.Owner.Infos.Single(), Is.EqualTo("application/dtmf-relay|Signal=7\r\nDuration=100\r\n"));
    }

    [Test, Description("RFC 3515 §2.4.2: REFER goes to the owner, who accepts it with 202")]
    public void Refer_from_the_callee_reaches_the_owner_who_accepts_it()
    {
        var session = Confirmed();
        _rig.Owner.OnInDialog = (_, request) => request.Respond(202);

        _rig.Receive(CalleeRequest(session, "REFER", 5, extraHeaders: "Refer-To: <sip:1003@127.0.0.1>\r\n"));

        var request = _rig.Owner.Requests.Single();
        Assert.That(request.Method, Is.EqualTo(SipMethod.Refer));
        Assert.That(request.Request.GetFirstHeaderValue("Refer-To"), Is.EqualTo("<sip:1003@127.0.0.1>"));
        var accepted = (SipResponse)DialogMessages.Parse(_rig.Transport.Sent[^1].Text);
        Assert.That(accepted.StatusCode, Is.EqualTo(202));
        Assert.That(accepted.To.Tag, Is.EqualTo(session.LocalTag));
        Assert.That(request.Respond(200), Is.False, "a request is answered once");
    }

    [Test, Description("RFC 3515 §2.4.2, RFC 6665 §4.1.3: an owner that takes no part declines REFER, takes a transfer NOTIFY, refuses other NOTIFY")]
    public void Owner_defaults_decline_refer_and_answer_notify_by_its_event()
    {
        var session = _rig.Router.StartClientSession(Call(), new DefaultsClientOwner());
        _rig.Answer(200, body: AnswerSdp);

        _rig.Receive(CalleeRequest(session, "REFER", 5, branch: "z9hG4bKr1", extraHeaders: "Refer-To: <sip:1003@127.0.0.1>\r\n"));
        var refer = _rig.Transport.Sent[^1].Text;
        _rig.Receive(CalleeRequest(session, "NOTIFY", 6, branch: "z9hG4bKn1", extraHeaders: "Event: refer;id=3\r\nSubscription-State: active\r\n",
            body: "SIP/2.0 100 Trying\r\n", contentType: "message/sipfrag"));
        var transferNotify = _rig.Transport.Sent[^1].Text;
        _rig.Receive(CalleeRequest(session, "NOTIFY", 7, branch: "z9hG4bKn2", extraHeaders: "Event: dialog\r\n"));
        var otherNotify = _rig.Transport.Sent[^1].Text;
        _rig.Receive(CalleeRequest(session, "INFO", 8, branch: "z9hG4bKi1", body: "Signal=1\r\n", contentType: "application/dtmf-relay"));

        Assert.That(refer, Does.StartWith("SIP/2.0 603 "));
        Assert.That(transferNotify, Does.StartWith("SIP/2.0 200 "));
        Assert.That(otherNotify, Does.StartWith("SIP/2.0 481 "));
        Assert.That(_rig.Transport.Sent[^1].Text, Does.StartWith("SIP/2.0 200 ").And.Contain("8 INFO"));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
    }

    [Test, Description("RFC 3311 §5.2: an UPDATE without an offer refreshes the target and is answered 200 with our Contact")]
    public void Update_without_an_offer_is_answered_200_and_moves_the_remote_target()
    {
        var session = Confirmed();

        _rig.Receive(CalleeRequest(session, "UPDATE", 5));

        var ok = (SipResponse)DialogMessages.Parse(_rig.Transport.Sent[^1].Text);
        Assert.That(ok.StatusCode, Is.EqualTo(200));
        Assert.That(ok.CSeq.ToString(), Is.EqualTo("5 UPDATE"));
        Assert.That(ok.Contacts, Has.Count.EqualTo(1));
        Assert.That(_rig.Owner.Events.Count(e => e.StartsWith("Request", StringComparison.Ordinal)), Is.Zero);
        Assert.That(session.Dialog!.RemoteTarget.ToString(), Is.EqualTo("sip:1002@192.168.1.20:5070"));
    }

    [Test, Description("RFC 3311 §5.2: an UPDATE offer goes to the owner, whose answer rides in the 200")]
    public void Update_with_an_offer_is_answered_by_the_owner_with_sdp()
    {
        var session = Confirmed();
        _rig.Owner.OnInDialog = (_, request) => request.Respond(200, contentType: "application/sdp", body: Encoding.UTF8.GetBytes(DialogMessages.Sdp("recvonly")));

        _rig.Receive(CalleeRequest(session, "UPDATE", 5, body: DialogMessages.Sdp("sendonly"), contentType: "application/sdp"));

        var ok = (SipResponse)DialogMessages.Parse(_rig.Transport.Sent[^1].Text);
        Assert.That(ok.StatusCode, Is.EqualTo(200));
        Assert.That(ok.ContentType, Is.EqualTo("application/sdp"));
        Assert.That(Encoding.UTF8.GetString(ok.Body.Span), Does.Contain("a=recvonly"));
        Assert.That(ok.Contacts, Has.Count.EqualTo(1));
    }

    [Test, Description("RFC 3261 §12.2.2: PRACK for no reliable provisional of ours gets 481 and the call goes on")]
    public void Prack_in_a_confirmed_dialog_gets_481()
    {
        var session = Confirmed();

        _rig.Receive(CalleeRequest(session, "PRACK", 5, extraHeaders: "RAck: 1 1 INVITE\r\n"));

        Assert.That(_rig.Transport.Sent[^1].Text, Does.StartWith("SIP/2.0 481 "));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
    }

    private InviteClientSession Confirmed()
    {
        var session = _rig.Start();
        _rig.Answer(200, body: AnswerSdp);
        return session;
    }

    private List<SipResponse> OkResponses(uint cseq) =>
        _rig.Transport.Sent.Where(s => s.Text.StartsWith("SIP/2.0 200 ", StringComparison.Ordinal))
            .Select(s => (SipResponse)DialogMessages.Parse(s.Text)).Where(r => r.CSeq.Number == cseq).ToList();

    private static SipRequest Ack(InviteClientSession session, uint cseq) =>
        (SipRequest)DialogMessages.Parse(
            "ACK sip:1001@127.0.0.1:5060 SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKcalleeack;rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:1002@127.0.0.1>;tag=callee-tag\r\n" +
            $"To: \"Alice\" <sip:1001@127.0.0.1>;tag={session.LocalTag}\r\n" +
            $"Call-ID: {session.CallId}\r\n" +
            $"CSeq: {cseq} ACK\r\n" +
            "Content-Length: 0\r\n\r\n");
}
