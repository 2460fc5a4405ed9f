using System.Text;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using static Softswitch.Sip.Tests.Dialogs.ClientSessionRig;

namespace Softswitch.Sip.Tests.Dialogs;

/// <summary>Both session kinds send requests in their dialog and match each response to its request.</summary>
public sealed class InDialogSendingTests
{
    private static readonly byte[] HoldOffer = Encoding.UTF8.GetBytes(DialogMessages.Sdp("sendonly"));
    private static readonly string AnswerSdp = DialogMessages.Sdp("recvonly");

    [Test, Description("RFC 3261 §12.2.1.1, §17.1.3: two requests in flight, each completes with its own response")]
    public async Task Info_and_refer_in_flight_together_each_get_their_own_response()
    {
        var rig = new SessionRig();
        var session = rig.StartConfirmed();

        var info = session.SendRequestAsync(SipMethod.Info, "application/dtmf-relay", Encoding.UTF8.GetBytes("Signal=1\r\n"));
        var refer = session.SendRequestAsync(SipMethod.Refer, null, default, [new("Refer-To", "<sip:1003@127.0.0.1>")]);
        var sentInfo = rig.LastSent("INFO ");
        var sentRefer = rig.LastSent("REFER ");
        rig.Layer.OnResponse(DialogMessages.Response(sentRefer.Text, 202), SessionRig.Caller);
        rig.Layer.OnResponse(DialogMessages.Response(sentInfo.Text, 200), SessionRig.Caller);

        Assert.That((await refer).StatusCode, Is.EqualTo(202));
        Assert.That((await refer).CSeq.ToString(), Is.EqualTo("2 REFER"));
        Assert.That((await info).CSeq.ToString(), Is.EqualTo("1 INFO"));
        var request = (SipRequest)DialogMessages.Parse(sentRefer.Text);
        Assert.That(request.GetFirstHeaderValue("Refer-To"), Is.EqualTo("<sip:1003@127.0.0.1>"));
        Assert.That(request.To.Tag, Is.EqualTo(DialogMessages.CallerTag));
        Assert.That(sentRefer.To, Is.EqualTo(SessionRig.Caller), "back along the INVITE's flow");
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Confirmed), "an answer to INFO is not an answer to a BYE");
    }

    [Test, Description("RFC 3261 §12.2.1.2: a 200 to INFO from the calling side leaves the call up")]
    public async Task Info_from_the_calling_side_is_answered_and_the_call_stays_up()
    {
        var rig = new ClientSessionRig();
        var session = Confirmed(rig);

        var info = session.SendRequestAsync(SipMethod.Info, "application/dtmf-relay", Encoding.UTF8.GetBytes("Signal=1\r\n"));
        rig.AnswerLast("INFO ", 200);

        Assert.That((await info).StatusCode, Is.EqualTo(200));
        Assert.That(rig.Sent("INFO ").Single().CSeq.ToString(), Is.EqualTo("2 INFO"));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
        Assert.That(rig.Owner.Events.Any(e => e.StartsWith("Ended", StringComparison.Ordinal)), Is.False);
    }

    [Test, Description("RFC 3261 §14.1, §13.2.2.4: a re-INVITE's 2xx is ACKed with its CSeq, again for each retransmission")]
    public async Task Reinvite_from_the_calling_side_is_acked_and_returns_the_answer()
    {
        var rig = new ClientSessionRig();
        var session = Confirmed(rig);

        var outcome = session.ReInviteAsync(HoldOffer);
        var reInvite = rig.Sent("INVITE ")[^1];
        rig.Answer(200, body: AnswerSdp);
        rig.Answer(200, body: AnswerSdp);

        var result = await outcome;
        Assert.That(result.IsSuccess, Is.True);
        Assert.That(Encoding.UTF8.GetString(result.Sdp.Span), Does.Contain("a=recvonly"));
        Assert.That(reInvite.CSeq.ToString(), Is.EqualTo("2 INVITE"));
        Assert.That(reInvite.To.Tag, Is.EqualTo("callee-tag"));
        Assert.That(reInvite.Contacts.Single().Uri.ToString(), Is.EqualTo("sip:1001@127.0.0.1:5060"));
        Assert.That(reInvite.GetHeaderValues("Supported"), Does.Contain("replaces").And.Contain("timer"));
        var acks = rig.Sent("ACK ").Where(a => a.CSeq.Number == 2).ToList();
        Assert.That(acks, Has.Count.EqualTo(2));
        Assert.That(acks[0].TopVia.Branch, Is.Not.EqualTo(reInvite.TopVia.Branch));
        Assert.That(acks[1].TopVia.Branch, Is.EqualTo(acks[0].TopVia.Branch), "the same ACK again");
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
    }

    [Test, Description("RFC 3261 §14.1: after 491 the owner of the Call-ID waits 2.1-4 s, then sends the re-INVITE again with a new CSeq")]
    public async Task Reinvite_answered_491_is_sent_again_after_the_random_wait()
    {
        var rig = new ClientSessionRig();
        var session = Confirmed(rig);

        var outcome = session.ReInviteAsync(HoldOffer);
        rig.Answer(491);
        rig.Advance(2.09);
        Assert.That(Distinct(rig.Sent("INVITE ")), Has.Count.EqualTo(2), "not before 2.1 s");
        rig.Advance(1.92);
        var again = Distinct(rig.Sent("INVITE "));
        Assert.That(again, Has.Count.EqualTo(3), "by 4 s");
        rig.Answer(200, body: AnswerSdp);

        Assert.That((await outcome).IsSuccess, Is.True);
        Assert.That(again[2].CSeq.ToString(), Is.EqualTo("3 INVITE"));
        Assert.That(again[2].Body.ToArray(), Is.EqualTo(HoldOffer));
    }

    [Test, Description("RFC 3261 §14.2 glare: the callee's re-INVITE while ours is pending gets 491")]
    public void Reinvite_from_the_callee_while_ours_is_pending_gets_491()
    {
        var rig = new ClientSessionRig();
        var session = Confirmed(rig);
        _ = session.ReInviteAsync(HoldOffer);

        rig.Receive(CalleeRequest(session, "INVITE", 5, branch: "z9hG4bKglare", body: DialogMessages.Sdp("sendonly"), contentType: "application/sdp"));

        Assert.That(rig.Transport.Sent[^1].Text, Does.StartWith("SIP/2.0 491 ").And.Contain("CSeq: 5 INVITE"));
        Assert.That(rig.Owner.Offers, Is.Empty);
    }

    [Test, Description("RFC 3261 §14.1: no offer of ours while the peer's is unanswered")]
    public async Task Reinvite_while_the_peers_offer_is_unanswered_returns_491_without_sending()
    {
        var rig = new SessionRig();
        var session = rig.StartConfirmed();
        rig.Owner.OnOffer = (_, _) => { };
        rig.Receive(DialogMessages.InDialog("INVITE", session.Dialog.LocalTag, 2, "z9hG4bKre1", DialogMessages.Sdp("sendonly"), "application/sdp"));

        var outcome = await session.ReInviteAsync(HoldOffer);

        Assert.That(outcome.StatusCode, Is.EqualTo(491));
        Assert.That(rig.SentMessages("INVITE "), Is.Empty);
    }

    [Test, Description("RFC 5057 §5.1, RFC 3261 §12.2.1.2: 481 to INFO means the peer lost the dialog; the session ends without BYE")]
    public async Task Info_answered_481_ends_the_session_without_bye()
    {
        var rig = new SessionRig();
        var session = rig.StartConfirmed();

        var info = session.SendRequestAsync(SipMethod.Info, "application/dtmf-relay", Encoding.UTF8.GetBytes("Signal=1\r\n"));
        rig.Layer.OnResponse(DialogMessages.Response(rig.LastSent("INFO ").Text, 481), SessionRig.Caller);

        Assert.That((await info).StatusCode, Is.EqualTo(481));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Terminated));
        Assert.That(rig.Owner.Events[^1], Is.EqualTo("Failed(DialogLost)"));
        Assert.That(rig.SentMessages("BYE "), Is.Empty);
    }

    [Test, Description("RFC 5057 §5.2: 481 to REFER ends only the refer usage, not the call")]
    public async Task Refer_answered_481_leaves_the_call_up()
    {
        var rig = new SessionRig();
        var session = rig.StartConfirmed();

        var refer = session.SendRequestAsync(SipMethod.Refer, null, default, [new("Refer-To", "<sip:1003@127.0.0.1>")]);
        rig.Layer.OnResponse(DialogMessages.Response(rig.LastSent("REFER ").Text, 481), SessionRig.Caller);

        Assert.That((await refer).StatusCode, Is.EqualTo(481));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Confirmed));
    }

    [Test, Description("RFC 3261 §12.2.1.2, §8.1.3.1: no answer at all is a 408; the session ends with BYE")]
    public async Task Info_never_answered_completes_with_408_and_ends_the_call_with_bye()
    {
        var rig = new ClientSessionRig();
        var session = Confirmed(rig);

        var info = session.SendRequestAsync(SipMethod.Info, "application/dtmf-relay", Encoding.UTF8.GetBytes("Signal=1\r\n"));
        rig.Advance(32.1);
        rig.AnswerLast("BYE ", 200);

        Assert.That((await info).StatusCode, Is.EqualTo(408));
        Assert.That(rig.Sent("BYE ").Single().CSeq.ToString(), Is.EqualTo("3 BYE"));
        Assert.That(rig.Owner.Events[^1], Is.EqualTo("Ended(DialogLost)"));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminated));
    }

    [Test, Description("RFC 3261 §12.2.1.1: no requests outside an established dialog")]
    public async Task Requests_before_the_answer_complete_with_481_and_nothing_is_sent()
    {
        var rig = new ClientSessionRig();
        var session = rig.Start();

        var info = await session.SendRequestAsync(SipMethod.Info, null, default);
        var reInvite = await session.ReInviteAsync(HoldOffer);

        Assert.That(info.StatusCode, Is.EqualTo(481));
        Assert.That(reInvite.StatusCode, Is.EqualTo(481));
        Assert.That(rig.Sent("INFO "), Is.Empty);
        Assert.That(rig.Sent("INVITE "), Has.Count.EqualTo(1));
        Assert.Throws<ArgumentException>(() => session.SendRequestAsync(SipMethod.Bye, null, default));
    }

    /// <summary>One per CSeq: the transaction's own retransmissions left out.</summary>
    private static List<SipRequest> Distinct(List<SipRequest> sent) => sent.DistinctBy(r => r.CSeq.Number).ToList();

    private static InviteClientSession Confirmed(ClientSessionRig rig)
    {
        var session = rig.Start();
        rig.Answer(200, body: DialogMessages.Sdp("sendrecv"));
        return session;
    }
}
