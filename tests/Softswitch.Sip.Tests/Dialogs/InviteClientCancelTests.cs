using Softswitch.Sip.Dialogs;
using static Softswitch.Sip.Tests.Dialogs.ClientSessionRig;

namespace Softswitch.Sip.Tests.Dialogs;

public sealed class InviteClientCancelTests
{
    private static readonly string AnswerSdp = DialogMessages.Sdp("sendrecv");
    private ClientSessionRig _rig = null!;

    [SetUp]
    public void SetUp() => _rig = new ClientSessionRig();

    [Test, Description("RFC 3261 §9.1: same Request-URI, Call-ID, From, To, CSeq number and branch as the INVITE")]
    public void Cancel_after_ringing_sends_cancel_and_the_487_ends_the_session()
    {
        var session = _rig.Start();
        _rig.Answer(180);

        Assert.That(session.Cancel(), Is.True);

        var invite = _rig.Sent("INVITE ").Single();
        var cancel = _rig.Sent("CANCEL ").Single();
        Assert.That(cancel.RequestUri, Is.EqualTo(invite.RequestUri));
        Assert.That(cancel.TopVia.Branch, Is.EqualTo(invite.TopVia.Branch));
        Assert.That(cancel.CSeq.ToString(), Is.EqualTo("1 CANCEL"));
        Assert.That(cancel.From.Tag, Is.EqualTo(session.LocalTag));
        Assert.That(cancel.To.Tag, Is.Null);
        Assert.That(cancel.CallId, Is.EqualTo(session.CallId));
        Assert.That(_rig.LastSent("CANCEL ").To, Is.EqualTo(Callee));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Cancelling));

        _rig.AnswerLast("CANCEL ", 200);
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Cancelling));
        _rig.Answer(487);

        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Provisional(180,0)", "Failed(487 Request Terminated)" }));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminated));
        Assert.That(_rig.Sent("ACK ").Single().TopVia.Branch, Is.EqualTo(invite.TopVia.Branch), "the 487 is ACKed by the transaction");
        Assert.That(_rig.UnclaimedResponses, Is.Empty);
    }

    [Test, Description("RFC 3261 §9.1: no CANCEL before a provisional response; it goes out with the first one")]
    public void Cancel_before_any_provisional_waits_for_the_first_one()
    {
        var session = _rig.Start();

        Assert.That(session.Cancel(), Is.True);
        Assert.That(_rig.Sent("CANCEL "), Is.Empty);
        Assert.That(session.Cancel(), Is.False, "once");
        _rig.Advance(0.2);
        _rig.Answer(100, toTag: null);

        Assert.That(_rig.Transport.TimesOf("CANCEL "), Is.EqualTo(new[] { 0.2 }).Within(0.011));
        Assert.That(_rig.Owner.Events, Is.Empty, "a cancelled call reports no ringing");
    }

    [Test, Description("RFC 3261 §9.1, §17.1.1.2: a cancelled INVITE that never hears anything times out as cancelled")]
    public void Cancel_before_any_provisional_ends_at_timer_b_if_the_callee_stays_silent()
    {
        var session = _rig.Start();
        session.Cancel();

        _rig.Advance(32.1);

        Assert.That(_rig.Sent("CANCEL "), Is.Empty);
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Failed(487 Request Terminated)" }));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminated));
    }

    [Test, Description("RFC 3261 §9.1: no final response within 64·T1 of the CANCEL: the INVITE counts as cancelled")]
    public void Cancel_without_a_487_gives_up_after_64_T1()
    {
        var session = _rig.Start();
        _rig.Answer(180);
        session.Cancel();
        _rig.AnswerLast("CANCEL ", 200);

        _rig.Advance(31.9);
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Cancelling));
        _rig.Advance(0.2);

        Assert.That(_rig.Owner.Events[^1], Is.EqualTo("Failed(487 Request Terminated)"));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminated));
        // §9.1 "SHOULD destroy the client transaction": a Proceeding INVITE transaction has no timer of its own, so
        // without this it would stay in the table for good (the CANCEL's ended with its 200 and Timer K).
        _rig.Advance(10);
        Assert.That(_rig.Layer.ClientTransactionCount, Is.Zero);
    }

    [Test, Description("RFC 3261 §9.1, §15: a 2xx that crosses the CANCEL is ACKed and the call hung up with BYE")]
    public void A_2xx_racing_the_cancel_gets_ack_and_bye()
    {
        var session = _rig.Start();
        _rig.Answer(180);
        session.Cancel();

        _rig.Answer(200, body: AnswerSdp);

        var ack = _rig.Sent("ACK ").Single();
        var bye = _rig.Sent("BYE ").Single();
        Assert.That(ack.To.Tag, Is.EqualTo("callee-tag"));
        Assert.That(bye.To.Tag, Is.EqualTo("callee-tag"));
        Assert.That(bye.CSeq.ToString(), Is.EqualTo("2 BYE"));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminating));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Provisional(180,0)" }), "the owner never hears of an answer");

        _rig.AnswerLast("BYE ", 200);

        Assert.That(_rig.Owner.Events[^1], Is.EqualTo("Failed(487 Request Terminated)"));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminated));
    }

    [Test, Description("RFC 3261 §13.2.2.4: a 2xx from a second fork is ACKed and its dialog ended with BYE")]
    public void A_second_fork_answering_gets_ack_and_bye_and_the_first_call_stays()
    {
        var session = _rig.Start();
        _rig.Answer(200, toTag: "fork-a", body: AnswerSdp);

        _rig.Answer(200, toTag: "fork-b", body: AnswerSdp);
        _rig.Answer(200, toTag: "fork-b", body: AnswerSdp);

        var acks = _rig.Sent("ACK ");
        Assert.That(acks.Select(a => a.To.Tag), Is.EqualTo(new[] { "fork-a", "fork-b", "fork-b" }));
        var bye = _rig.Sent("BYE ").Single();
        Assert.That(bye.To.Tag, Is.EqualTo("fork-b"));
        Assert.That(session.Dialog!.RemoteTag, Is.EqualTo("fork-a"));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { $"Answered({AnswerSdp.Length})" }));

        _rig.AnswerLast("BYE ", 200);
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed), "the fork's BYE answer is not ours");
    }

    [Test, Description("RFC 3261 §15: before the answer, hanging up is cancelling")]
    public void Hangup_before_the_answer_cancels()
    {
        var session = _rig.Start();
        _rig.Answer(180);

        Assert.That(session.Hangup(), Is.True);

        Assert.That(_rig.Sent("CANCEL "), Has.Count.EqualTo(1));
        Assert.That(_rig.Sent("BYE "), Is.Empty);
    }

    [Test]
    public void Cancel_after_the_answer_is_refused()
    {
        var session = _rig.Start();
        _rig.Answer(200, body: AnswerSdp);

        Assert.That(session.Cancel(), Is.False);
        Assert.That(_rig.Sent("CANCEL "), Is.Empty);
    }
}
