using System.Text;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using static Softswitch.Sip.Tests.Dialogs.ClientSessionRig;

namespace Softswitch.Sip.Tests.Dialogs;

public sealed class InviteClientSessionTests
{
    private static readonly string AnswerSdp = DialogMessages.Sdp("sendrecv");
    private ClientSessionRig _rig = null!;

    [SetUp]
    public void SetUp() => _rig = new ClientSessionRig();

    [Test, Description("RFC 3261 §8.1.1, §13.2.1")]
    public void Start_sends_an_invite_with_a_fresh_tag_and_call_id_and_the_offer()
    {
        var session = _rig.Start();

        var sent = _rig.LastSent("INVITE ");
        var invite = _rig.Sent("INVITE ").Single();
        Assert.That(sent.To, Is.EqualTo(Callee));
        Assert.That(invite.RequestUri.ToString(), Is.EqualTo("sip:1002@192.168.1.20:5070"));
        Assert.That(invite.From.Uri.ToString(), Is.EqualTo("sip:1001@127.0.0.1"));
        Assert.That(invite.From.Tag, Is.EqualTo(session.LocalTag).And.Length.GreaterThanOrEqualTo(8));
        Assert.That(invite.To.ToString(), Is.EqualTo("<sip:1002@127.0.0.1>"), "no To tag outside a dialog");
        Assert.That(invite.CallId, Is.EqualTo(session.CallId).And.Length.GreaterThanOrEqualTo(16));
        Assert.That(invite.CSeq.ToString(), Is.EqualTo("1 INVITE"));
        Assert.That(invite.MaxForwards, Is.EqualTo(70));
        Assert.That(invite.Contacts.Single().Uri.ToString(), Is.EqualTo("sip:1001@127.0.0.1:5060"));
        Assert.That(invite.TopVia.Branch, Does.StartWith("z9hG4bK"));
        Assert.That(invite.TopVia.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(invite.GetHeaderValues("Allow"), Does.Contain("BYE").And.Contain("CANCEL"));
        Assert.That(invite.ContentType, Is.EqualTo("application/sdp"));
        Assert.That(Encoding.UTF8.GetString(invite.Body.Span), Is.EqualTo(DialogMessages.Sdp("sendrecv")));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Calling));
        Assert.That(_rig.Router.Dialogs.ClientCount, Is.EqualTo(1));
    }

    [Test, Description("RFC 3261 §12.1.2, §13.2.2.1; RFC 3960 early media")]
    public void Provisional_responses_reach_the_owner_and_a_to_tag_makes_an_early_dialog()
    {
        var session = _rig.Start();

        _rig.Answer(100, toTag: null);
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Proceeding));
        _rig.Answer(180);
        _rig.Answer(183, body: AnswerSdp);

        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Provisional(180,0)", $"Provisional(183,{AnswerSdp.Length})" }), "100 is hop by hop");
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Early));
        Assert.That(session.Dialog!.RemoteTag, Is.EqualTo("callee-tag"));
        Assert.That(session.Dialog.LocalTag, Is.EqualTo(session.LocalTag));
    }

    [Test, Description("RFC 3261 §12.1.2, §13.2.2.4: the UAC core ACKs a 2xx itself, in the dialog the 2xx made")]
    public void Answer_makes_the_dialog_and_the_session_sends_the_ack_with_a_new_branch()
    {
        var session = _rig.Start();
        _rig.Answer(180);

        _rig.Answer(200, recordRoute: "<sip:127.0.0.1:5080;lr>, <sip:10.0.0.9;lr>", body: AnswerSdp);

        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
        Assert.That(_rig.Owner.Events[^1], Is.EqualTo($"Answered({AnswerSdp.Length})"));
        var dialog = session.Dialog!;
        Assert.That(dialog.RemoteTarget.ToString(), Is.EqualTo("sip:1002@192.168.1.20:5070;transport=udp"));
        Assert.That(dialog.RouteSet.Select(r => r.Uri.ToString()), Is.EqualTo(new[] { "sip:10.0.0.9;lr", "sip:127.0.0.1:5080;lr" }), "reversed");
        var ack = _rig.Sent("ACK ").Single();
        var invite = _rig.Sent("INVITE ").Single();
        Assert.That(ack.RequestUri.ToString(), Is.EqualTo("sip:1002@192.168.1.20:5070;transport=udp"));
        Assert.That(ack.Routes.Select(r => r.Uri.ToString()), Is.EqualTo(new[] { "sip:10.0.0.9;lr", "sip:127.0.0.1:5080;lr" }));
        Assert.That(ack.CSeq.ToString(), Is.EqualTo("1 ACK"));
        Assert.That(ack.To.Tag, Is.EqualTo("callee-tag"));
        Assert.That(ack.From.Tag, Is.EqualTo(session.LocalTag));
        Assert.That(ack.CallId, Is.EqualTo(session.CallId));
        Assert.That(ack.TopVia.Branch, Does.StartWith("z9hG4bK").And.Not.EqualTo(invite.TopVia.Branch));
        Assert.That(_rig.LastSent("ACK ").To.Address.ToString(), Is.EqualTo("10.0.0.9:5060"), "to the first hop of the route set");
    }

    [Test, Description("RFC 3261 §13.2.2.4, §17.1.1.2: every retransmitted 2xx gets the same ACK, also after the transaction ended")]
    public void Retransmitted_2xx_is_acked_again_with_the_same_ack_before_and_after_the_transaction_ends()
    {
        _rig.Start();
        _rig.Answer(200, body: AnswerSdp);

        _rig.Answer(200, body: AnswerSdp);
        _rig.Advance(33);
        Assert.That(_rig.Layer.ClientTransactionCount, Is.Zero, "Timer M ended the INVITE transaction");
        _rig.Answer(200, body: AnswerSdp);

        var acks = _rig.Transport.Sent.Where(s => s.Text.StartsWith("ACK ", StringComparison.Ordinal)).Select(s => s.Text).ToList();
        Assert.That(acks, Has.Count.EqualTo(3));
        Assert.That(acks.Distinct().Count(), Is.EqualTo(1), "byte for byte the same ACK");
        Assert.That(_rig.UnclaimedResponses, Is.Empty);
        Assert.That(_rig.Owner.Events.Count(e => e.StartsWith("Answered", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test, Description("RFC 3264 §5, RFC 3261 §13.2.2.4: late offer, the ACK carries our answer")]
    public void Late_offer_waits_for_the_owner_and_its_answer_goes_in_the_ack()
    {
        var session = _rig.Start(Call(offer: ReadOnlyMemory<byte>.Empty));
        Assert.That(_rig.Sent("INVITE ").Single().ContentLength, Is.Zero);

        _rig.Answer(200, body: AnswerSdp);
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Answered));
        Assert.That(_rig.Sent("ACK "), Is.Empty);

        Assert.That(session.Acknowledge(Encoding.UTF8.GetBytes(DialogMessages.Sdp("recvonly"))), Is.True);

        var ack = _rig.Sent("ACK ").Single();
        Assert.That(ack.ContentType, Is.EqualTo("application/sdp"));
        Assert.That(Encoding.UTF8.GetString(ack.Body.Span), Does.Contain("a=recvonly"));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
        Assert.That(session.Acknowledge(default), Is.False, "once");
    }

    [Test, Description("RFC 3261 §13.2.2.3, §17.1.1.3: a 3xx-6xx ends the session; the transaction ACKs it on the INVITE's branch")]
    public void Busy_fails_the_session_and_the_transaction_acks_it()
    {
        var session = _rig.Start();
        _rig.Answer(180);

        _rig.Answer(486);

        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Provisional(180,0)", "Failed(486 Busy Here)" }));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminated));
        Assert.That(session.Completion.IsCompleted, Is.True);
        var ack = _rig.Sent("ACK ").Single();
        Assert.That(ack.TopVia.Branch, Is.EqualTo(_rig.Sent("INVITE ").Single().TopVia.Branch));
        Assert.That(_rig.Router.Dialogs.ClientCount, Is.Zero);
        Assert.That(session.Hangup(), Is.False);
    }

    [Test, Description("RFC 3261 §17.1.1.2 Timer B, §8.1.3.1: a timeout is a 408")]
    public void Unanswered_invite_fails_with_408_after_timer_b()
    {
        var session = _rig.Start();

        _rig.Advance(32.1);

        Assert.That(_rig.Transport.TimesOf("INVITE "), Is.EqualTo(new[] { 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 }).Within(0.011));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Failed(408 Request Timeout)" }));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminated));
    }

    [Test, Description("RFC 3261 §15.1.1, §12.2.1.1: BYE with CSeq + 1, the remote target and the route set")]
    public void Hangup_sends_bye_in_the_dialog_and_ends_when_it_is_answered()
    {
        var session = _rig.Start();
        _rig.Answer(200, recordRoute: "<sip:127.0.0.1:5070;lr>", body: AnswerSdp);

        Assert.That(session.Hangup(), Is.True);

        var bye = _rig.Sent("BYE ").Single();
        Assert.That(bye.RequestUri.ToString(), Is.EqualTo("sip:1002@192.168.1.20:5070;transport=udp"));
        Assert.That(bye.Routes.Single().Uri.ToString(), Is.EqualTo("sip:127.0.0.1:5070;lr"));
        Assert.That(bye.CSeq.ToString(), Is.EqualTo("2 BYE"));
        Assert.That(bye.From.Tag, Is.EqualTo(session.LocalTag));
        Assert.That(bye.To.Tag, Is.EqualTo("callee-tag"));
        Assert.That(_rig.LastSent("BYE ").To, Is.EqualTo(Callee));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminating));

        _rig.AnswerLast("BYE ", 200);

        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminated));
        Assert.That(_rig.Owner.Events[^1], Is.EqualTo("Ended(LocalHangup)"));
        Assert.That(_rig.Owner.Events.Count(e => e.StartsWith("Ended", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test, Description("RFC 3261 §15.1.1, §17.1.2.2 Timer F")]
    public void Unanswered_bye_still_ends_the_session()
    {
        var session = _rig.Start();
        _rig.Answer(200, body: AnswerSdp);
        session.Hangup();

        _rig.Advance(32.1);

        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminated));
        Assert.That(_rig.Owner.Events[^1], Is.EqualTo("Ended(LocalHangup)"));
    }

    [Test, Description("RFC 3261 §15.1.2")]
    public void Bye_from_the_callee_is_answered_200_and_reported()
    {
        var session = _rig.Start();
        _rig.Answer(200, body: AnswerSdp);

        _rig.Receive(CalleeRequest(session, "BYE", 1));

        var ok = _rig.Transport.Sent.Last(s => s.Text.StartsWith("SIP/2.0 ", StringComparison.Ordinal)).Text;
        Assert.That(ok, Does.StartWith("SIP/2.0 200 ").And.Contain("CSeq: 1 BYE"));
        Assert.That(_rig.Owner.Events[^1], Is.EqualTo("Ended(RemoteHangup)"));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminated));
        Assert.That(session.Completion.IsCompleted, Is.True);
        Assert.That(_rig.Router.Dialogs.ClientCount, Is.Zero);
    }

    [Test, Description("RFC 3261 §12.2.2: a request naming our tag but another remote tag is for no dialog of ours")]
    public void Bye_with_a_foreign_remote_tag_gets_481_and_the_call_stays()
    {
        var session = _rig.Start();
        _rig.Answer(200, body: AnswerSdp);

        _rig.Receive(CalleeRequest(session, "BYE", 1, calleeTag: "someone-else"));

        Assert.That(_rig.Transport.Sent[^1].Text, Does.StartWith("SIP/2.0 481 "));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
    }

    [Test, Description("RFC 3261 §14.2: an owner that does not serve re-INVITEs refuses them by default, and the call goes on")]
    public void Reinvite_from_the_callee_is_refused_with_488_by_an_owner_that_does_not_serve_it()
    {
        var session = _rig.Router.StartClientSession(Call(), new DefaultsClientOwner());
        _rig.Answer(200, body: AnswerSdp);

        _rig.Receive(CalleeRequest(session, "INVITE", 2, branch: "z9hG4bKre1"));

        Assert.That(_rig.Transport.Sent.Any(s => s.Text.StartsWith("SIP/2.0 488 ", StringComparison.Ordinal)), Is.True);
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
    }
}
