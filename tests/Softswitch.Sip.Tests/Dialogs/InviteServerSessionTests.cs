using System.Text;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using static Softswitch.Sip.Tests.Dialogs.DialogMessages;

namespace Softswitch.Sip.Tests.Dialogs;

public sealed class InviteServerSessionTests
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(Sdp("sendrecv"));
    private SessionRig _rig = null!;

    [SetUp]
    public void SetUp() => _rig = new SessionRig();

    [Test, Description("RFC 3261 §13.3.1.1, §12.1.1")]
    public void Ring_sends_180_with_our_to_tag_and_contact()
    {
        var session = _rig.Start(Invite());

        Assert.That(session.Ring(), Is.True);

        var ringing = _rig.SentMessages("SIP/2.0 180 ").Single();
        Assert.That(ringing.To.Tag, Is.EqualTo(session.Dialog.LocalTag));
        Assert.That(ringing.Contacts.Single().Uri.ToString(), Is.EqualTo("sip:1002@127.0.0.1:5060"));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Ringing));
        Assert.That(session.Ring(), Is.False, "only once");
    }

    [Test, Description("RFC 3261 §13.3.1.4: T1, doubling to T2, until the ACK")]
    public void Accepted_2xx_is_retransmitted_at_T1_doubling_to_T2_until_the_ack()
    {
        var session = _rig.Start(Invite(body: Sdp("sendrecv")));

        session.Accept(Answer);
        _rig.Advance(12);
        _rig.Receive(Ack(session.Dialog.LocalTag, 1));
        _rig.Advance(20);

        Assert.That(_rig.Transport.TimesOf("SIP/2.0 200 "), Is.EqualTo(new[] { 0, 0.5, 1.5, 3.5, 7.5, 11.5 }).Within(0.011));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Confirmed));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Acknowledged(0)" }));
        var ok = _rig.SentMessages("SIP/2.0 200 ")[0];
        Assert.That(ok.To.Tag, Is.EqualTo(session.Dialog.LocalTag));
        Assert.That(ok.ContentType, Is.EqualTo("application/sdp"));
        Assert.That(Encoding.UTF8.GetString(ok.Body.Span), Is.EqualTo(Sdp("sendrecv")));
    }

    [Test, Description("RFC 3261 §13.3.1.4: no ACK within 64·T1 → the session ends with BYE")]
    public void Missing_ack_stops_retransmission_after_32_seconds_sends_bye_and_reports_failed()
    {
        var session = _rig.Start(Invite());
        session.Accept(Answer);

        _rig.Advance(33);

        Assert.That(_rig.Transport.TimesOf("SIP/2.0 200 "),
            Is.EqualTo(new[] { 0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5 }).Within(0.011));
        Assert.That(_rig.Transport.TimesOf("BYE "), Has.Length.GreaterThanOrEqualTo(1));
        Assert.That(_rig.Transport.TimesOf("BYE ")[0], Is.EqualTo(32).Within(0.011));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Failed(AckTimeout)" }));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Terminating));

        _rig.Layer.OnResponse(Response(_rig.LastSent("BYE ").Text, 200), SessionRig.Caller);
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Terminated));
        Assert.That(session.Completion.IsCompleted, Is.True);
    }

    [Test, Description("RFC 3261 §13.3.1.4: a retransmitted ACK changes nothing")]
    public void A_second_ack_is_not_reported_again()
    {
        var session = _rig.StartConfirmed();

        _rig.Receive(Ack(session.Dialog.LocalTag, 1));

        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Acknowledged(0)" }));
        Assert.That(_rig.StrayAcks, Is.Empty, "the ACK still matched the dialog");
    }

    [Test, Description("RFC 3261 §15.1.2")]
    public void Remote_bye_is_answered_200_and_reported_and_the_dialog_is_gone()
    {
        var session = _rig.StartConfirmed();

        _rig.Receive(InDialog("BYE", session.Dialog.LocalTag, 2, "z9hG4bKbye1"));

        Assert.That(_rig.SentMessages("SIP/2.0 200 ").Last().CSeq.MethodName, Is.EqualTo("BYE"));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Acknowledged(0)", "Bye" }));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Terminated));
        Assert.That(session.Completion.IsCompleted, Is.True);
        Assert.That(_rig.Router.Dialogs.Count, Is.Zero);
    }

    [Test, Description("RFC 3261 §15.1.1, §12.2.1.1: Request-URI = remote target, Route = route set, tags, CSeq, new branch")]
    public void Hangup_sends_bye_built_from_the_dialog()
    {
        var invite = Invite(recordRoute: "<sip:127.0.0.1:5070;lr>, <sip:10.0.0.9;lr>");
        var session = _rig.StartConfirmed(invite);

        Assert.That(session.Hangup(), Is.True);

        var sent = _rig.LastSent("BYE ");
        var bye = (SipRequest)DialogMessages.Parse(sent.Text);
        Assert.That(bye.RequestUri.ToString(), Is.EqualTo("sip:1001@192.168.1.10:5090"));
        Assert.That(bye.Routes.Select(r => r.Uri.ToString()), Is.EqualTo(new[] { "sip:127.0.0.1:5070;lr", "sip:10.0.0.9;lr" }));
        Assert.That(bye.From.Uri.ToString(), Is.EqualTo("sip:1002@127.0.0.1"));
        Assert.That(bye.From.Tag, Is.EqualTo(session.Dialog.LocalTag));
        Assert.That(bye.To.Uri.ToString(), Is.EqualTo("sip:1001@127.0.0.1"));
        Assert.That(bye.To.Tag, Is.EqualTo(CallerTag));
        Assert.That(bye.CallId, Is.EqualTo(CallId));
        Assert.That(bye.CSeq.ToString(), Is.EqualTo("1 BYE"));
        Assert.That(bye.TopVia.Branch, Does.StartWith("z9hG4bK").And.Not.EqualTo("z9hG4bKinv1"));
        Assert.That(bye.TopVia.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(sent.To, Is.EqualTo(SessionRig.Caller), "the first hop is the proxy the INVITE came from");
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Terminating));

        _rig.Layer.OnResponse(Response(sent.Text, 200), SessionRig.Caller);

        Assert.That(session.State, Is.EqualTo(InviteSessionState.Terminated));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Acknowledged(0)" }), "our own hang-up is not reported back");
    }

    [Test, Description("RFC 3261 §15: the callee must not send BYE before the ACK")]
    public void Hangup_before_the_ack_waits_for_it_then_sends_bye()
    {
        var session = _rig.Start(Invite());
        session.Accept(Answer);

        session.Hangup();
        Assert.That(_rig.Transport.TimesOf("BYE "), Is.Empty);
        _rig.Advance(1);
        _rig.Receive(Ack(session.Dialog.LocalTag, 1));

        Assert.That(_rig.Transport.TimesOf("BYE "), Is.EqualTo(new[] { 1.0 }).Within(0.011));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Terminating));
    }

    [Test, Description("RFC 3261 §15.1.1, §17.1.2.2 Timer F")]
    public void Unanswered_bye_ends_the_session_when_its_transaction_times_out()
    {
        var session = _rig.StartConfirmed();
        session.Hangup();

        _rig.Advance(32.1);

        Assert.That(session.State, Is.EqualTo(InviteSessionState.Terminated));
        Assert.That(session.Completion.IsCompleted, Is.True);
    }

    [Test, Description("RFC 3261 §9.2")]
    public void Cancel_before_answer_gets_200_and_the_invite_487()
    {
        var session = _rig.Start(Invite());
        session.Ring();

        _rig.Receive(Cancel());

        var ok = _rig.SentMessages("SIP/2.0 200 ").Single();
        Assert.That(ok.CSeq.MethodName, Is.EqualTo("CANCEL"));
        var terminated = _rig.SentMessages("SIP/2.0 487 ").Single();
        Assert.That(terminated.CSeq.MethodName, Is.EqualTo("INVITE"));
        Assert.That(terminated.To.Tag, Is.EqualTo(session.Dialog.LocalTag));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Cancelled" }));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Terminated));
        Assert.That(session.Accept(Answer), Is.False, "a cancelled call cannot be answered");
    }

    [Test, Description("RFC 3261 §9.2: a CANCEL after the final response has no effect on the call")]
    public void Cancel_after_answer_gets_200_only_and_the_call_stays()
    {
        var session = _rig.Start(Invite());
        session.Accept(Answer);

        _rig.Receive(Cancel());

        Assert.That(_rig.SentMessages("SIP/2.0 200 ").Count(m => m.CSeq.MethodName == "CANCEL"), Is.EqualTo(1));
        Assert.That(_rig.Transport.TimesOf("SIP/2.0 487 "), Is.Empty);
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Accepted));
        Assert.That(_rig.Owner.Events, Is.Empty);
    }

    [Test, Description("RFC 3261 §13.3.1.3, §17.2.1: the ACK for a non-2xx stays in the INVITE transaction")]
    public void Reject_sends_the_final_status_and_the_ack_is_absorbed_by_the_transaction()
    {
        var session = _rig.Start(Invite());

        Assert.That(session.Reject(486), Is.True);
        _rig.Receive(Request("ACK", "z9hG4bKinv1", session.Dialog.LocalTag));

        var busy = _rig.SentMessages("SIP/2.0 486 ").Single();
        Assert.That(busy.To.Tag, Is.EqualTo(session.Dialog.LocalTag));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Terminated));
        Assert.That(_rig.StrayAcks, Is.Empty);
        Assert.That(_rig.Router.Dialogs.Count, Is.Zero);
    }

    private static SipRequest Request(string method, string branch, string toTag) => Ack(toTag, 1, branch);
}
