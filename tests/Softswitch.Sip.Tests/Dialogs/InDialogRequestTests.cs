using System.Text;
using Softswitch.Sip.Dialogs;
using static Softswitch.Sip.Tests.Dialogs.DialogMessages;

namespace Softswitch.Sip.Tests.Dialogs;

public sealed class InDialogRequestTests
{
    private SessionRig _rig = null!;

    [SetUp]
    public void SetUp() => _rig = new SessionRig();

    [Test, Description("RFC 3261 §14.2, RFC 3264 §8.4: hold")]
    public void Reinvite_for_hold_reaches_the_owner_who_answers_recvonly()
    {
        var session = _rig.StartConfirmed();
        _rig.Owner.OnOffer = (s, offer) => s.AnswerReInvite(Encoding.UTF8.GetBytes(Sdp(offer.Contains("a=sendonly") ? "recvonly" : "sendrecv")));

        _rig.Receive(InDialog("INVITE", session.Dialog.LocalTag, 2, "z9hG4bKre1", Sdp("sendonly"), "application/sdp",
            contact: "<sip:1001@192.168.1.22:5090>"));
        _rig.Advance(2);
        _rig.Receive(Ack(session.Dialog.LocalTag, 2, "z9hG4bKack2"));
        _rig.Advance(5);

        Assert.That(_rig.Owner.Offers.Single(), Does.Contain("a=sendonly"));
        var answers = _rig.SentMessages("SIP/2.0 200 ").Where(m => m.CSeq.Number == 2).ToList();
        Assert.That(Encoding.UTF8.GetString(answers[0].Body.Span), Does.Contain("a=recvonly"));
        Assert.That(answers, Has.Count.EqualTo(3), "retransmitted at 0.5 and 1.5 s until the ACK at 2 s (§13.3.1.4)");
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Acknowledged(0)", "ReInvite", "Acknowledged(0)" }));
        Assert.That(session.Dialog.RemoteTarget.ToString(), Is.EqualTo("sip:1001@192.168.1.22:5090"), "target refresh (§12.2.2)");
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Confirmed));
    }

    [Test, Description("RFC 3261 §14.2: a refused re-INVITE leaves the session as it was")]
    public void Reinvite_refused_with_488_keeps_the_call()
    {
        var session = _rig.StartConfirmed();
        _rig.Owner.OnOffer = (s, _) => s.RejectReInvite();

        _rig.Receive(InDialog("INVITE", session.Dialog.LocalTag, 2, "z9hG4bKre1", Sdp("sendonly"), "application/sdp"));

        Assert.That(_rig.SentMessages("SIP/2.0 488 ").Single().CSeq.Number, Is.EqualTo(2u));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Confirmed));
    }

    [Test, Description("RFC 3261 §14.2 / RFC 6337 §3.2: an offer while our 2xx still waits for its ACK")]
    public void Reinvite_while_our_2xx_awaits_its_ack_gets_491()
    {
        var session = _rig.Start(Invite());
        session.Accept(Encoding.UTF8.GetBytes(Sdp("sendrecv")));

        _rig.Receive(InDialog("INVITE", session.Dialog.LocalTag, 2, "z9hG4bKre1", Sdp("sendonly"), "application/sdp"));

        Assert.That(_rig.SentMessages("SIP/2.0 491 ").Single().CSeq.Number, Is.EqualTo(2u));
        Assert.That(_rig.Owner.Events, Is.Empty);
    }

    [Test, Description("RFC 3261 §14.2: a second INVITE before the first is answered gets 500 with Retry-After")]
    public void Reinvite_while_another_is_unanswered_gets_500_with_retry_after()
    {
        var session = _rig.StartConfirmed();
        _rig.Receive(InDialog("INVITE", session.Dialog.LocalTag, 2, "z9hG4bKre1", Sdp("sendonly"), "application/sdp"));

        _rig.Receive(InDialog("INVITE", session.Dialog.LocalTag, 3, "z9hG4bKre2", Sdp("inactive"), "application/sdp"));

        var refused = _rig.SentMessages("SIP/2.0 500 ").Single();
        Assert.That(refused.CSeq.Number, Is.EqualTo(3u));
        Assert.That(refused.HasHeader("Retry-After"), Is.True);
        Assert.That(session.AnswerReInvite(Encoding.UTF8.GetBytes(Sdp("recvonly"))), Is.True, "the first re-INVITE is still the owner's to answer");
    }

    [Test, Description("RFC 3261 §12.2.2")]
    public void Request_for_an_unknown_dialog_gets_481()
    {
        _rig.StartConfirmed();

        _rig.Receive(InDialog("BYE", "not-our-tag", 2, "z9hG4bKbye1"));

        Assert.That(_rig.SentMessages("SIP/2.0 481 ").Single().CSeq.MethodName, Is.EqualTo("BYE"));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Acknowledged(0)" }));
    }

    [Test, Description("RFC 3261 §12.2.2: a CSeq lower than the remote sequence number is out of order")]
    public void Request_with_a_lower_cseq_gets_500_and_changes_nothing()
    {
        var session = _rig.StartConfirmed(Invite(cseq: 10));

        _rig.Receive(InDialog("BYE", session.Dialog.LocalTag, 9, "z9hG4bKbye1"));

        Assert.That(_rig.SentMessages("SIP/2.0 500 ").Single().CSeq.Number, Is.EqualTo(9u));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Confirmed));
        Assert.That(session.Dialog.RemoteCSeq, Is.EqualTo(10u));
    }

    [Test, Description("RFC 6086: INFO in the dialog, e.g. application/dtmf-relay")]
    public void Info_is_answered_200_and_delivered_to_the_owner()
    {
        var session = _rig.StartConfirmed();

        _rig.Receive(InDialog("INFO", session.Dialog.LocalTag, 2, "z9hG4bKinfo1", "Signal=5\r\nDuration=160\r\n", "application/dtmf-relay"));

        Assert.That(_rig.SentMessages("SIP/2.0 200 ").Last().CSeq.MethodName, Is.EqualTo("INFO"));
        Assert.That(_rig.Owner.Infos.Single(), Is.EqualTo("application/dtmf-relay|Signal=5\r\nDuration=160\r\n"));
    }

    [Test, Description("RFC 3261 §8.2.1: a known method the session does not serve, by an owner that takes no part")]
    public void Subscribe_gets_405_with_allow_by_default()
    {
        var session = _rig.StartConfirmed();

        _rig.Receive(InDialog("SUBSCRIBE", session.Dialog.LocalTag, 2, "z9hG4bKsub1"));

        var refused = _rig.SentMessages("SIP/2.0 405 ").Single();
        Assert.That(refused.GetHeaderValues("Allow"), Does.Contain("INVITE").And.Contain("UPDATE").And.Not.Contain("SUBSCRIBE"));
        Assert.That(refused.To.Tag, Is.EqualTo(session.Dialog.LocalTag));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Confirmed));
    }

    [Test, Description("RFC 3261 §15.1.2: pending requests get 487 when the peer hangs up")]
    public void Bye_during_an_unanswered_reinvite_answers_it_487()
    {
        var session = _rig.StartConfirmed();
        _rig.Receive(InDialog("INVITE", session.Dialog.LocalTag, 2, "z9hG4bKre1", Sdp("sendonly"), "application/sdp"));

        _rig.Receive(InDialog("BYE", session.Dialog.LocalTag, 3, "z9hG4bKbye1"));

        Assert.That(_rig.SentMessages("SIP/2.0 487 ").Single().CSeq.Number, Is.EqualTo(2u));
        Assert.That(_rig.Owner.Events[^1], Is.EqualTo("Bye"));
        Assert.That(session.AnswerReInvite(Encoding.UTF8.GetBytes(Sdp("recvonly"))), Is.False);
    }
}
