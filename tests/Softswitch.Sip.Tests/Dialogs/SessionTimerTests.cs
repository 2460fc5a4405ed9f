using System.Text;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using static Softswitch.Sip.Tests.Dialogs.ClientSessionRig;

namespace Softswitch.Sip.Tests.Dialogs;

/// <summary>RFC 4028 session timers on both session kinds, on a fake clock.</summary>
public sealed class SessionTimerTests
{
    private static readonly string Offer = DialogMessages.Sdp("sendrecv");

    [Test, Description("RFC 4028 §7.1, RFC 3262, RFC 3891: what our INVITE says it supports and asks for")]
    public void Our_invite_supports_100rel_replaces_and_timer_and_asks_for_1800_seconds()
    {
        var rig = new ClientSessionRig();
        rig.Start();

        var invite = rig.Sent("INVITE ").Single();
        Assert.That(invite.GetHeaderValues("Supported"), Is.EquivalentTo(new[] { "100rel", "replaces", "timer" }));
        Assert.That(invite.GetFirstHeaderValue("Session-Expires"), Is.EqualTo("1800"));
        Assert.That(invite.GetFirstHeaderValue("Min-SE"), Is.EqualTo("90"));
    }

    [Test, Description("RFC 4028 §7.2, §10: refresher=uac in the 2xx makes us refresh, with UPDATE, at half the interval")]
    public void Calling_side_refreshes_with_update_at_half_the_interval()
    {
        var rig = new ClientSessionRig();
        var session = rig.Start();
        rig.Answer(200, body: Offer, extraHeaders: "Session-Expires: 1800;refresher=uac\r\nAllow: INVITE, ACK, BYE, CANCEL, UPDATE\r\n");
        Assert.That(session.SessionInterval, Is.EqualTo(TimeSpan.FromSeconds(1800)));
        Assert.That(session.IsSessionRefresher, Is.True);

        rig.Time.Advance(TimeSpan.FromSeconds(899));
        Assert.That(rig.Sent("UPDATE "), Is.Empty);
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        var update = rig.Sent("UPDATE ").Single();
        rig.Layer.OnResponse(CalleeResponse(rig.LastSent("UPDATE ").Text, 200, null, extraHeaders: "Session-Expires: 1800;refresher=uac\r\n"), Callee);
        rig.Time.Advance(TimeSpan.FromSeconds(900));

        Assert.That(update.GetFirstHeaderValue("Session-Expires"), Is.EqualTo("1800;refresher=uac"));
        Assert.That(update.ContentLength, Is.Zero, "a refresh without an offer (RFC 3311)");
        Assert.That(update.CSeq.ToString(), Is.EqualTo("2 UPDATE"));
        Assert.That(rig.Sent("UPDATE ").Select(u => u.CSeq.Number).Distinct().Count(), Is.EqualTo(2), "the next refresh 900 s after the first");
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
        Assert.That(rig.Sent("BYE "), Is.Empty);
    }

    [Test, Description("RFC 4028 §10: the side that does not refresh sends BYE at the interval minus min(32 s, interval/3)")]
    public void Calling_side_ends_the_call_when_the_callee_never_refreshes()
    {
        var rig = new ClientSessionRig();
        var session = rig.Start();
        rig.Answer(200, body: Offer, extraHeaders: "Session-Expires: 1800;refresher=uas\r\nRequire: timer\r\n");

        rig.Time.Advance(TimeSpan.FromSeconds(1767.9));
        Assert.That(rig.Sent("BYE "), Is.Empty);
        rig.Time.Advance(TimeSpan.FromSeconds(0.2));
        var bye = rig.Sent("BYE ").Single();
        rig.AnswerLast("BYE ", 200);

        Assert.That(bye.GetFirstHeaderValue("Reason"), Does.Contain("Session timer expired"));
        Assert.That(rig.Owner.Events[^1], Is.EqualTo("Ended(SessionTimerExpired)"));
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Terminated));
    }

    [Test, Description("RFC 4028 §7.4: 422 names the callee's Min-SE; the INVITE goes again asking for that much")]
    public void Interval_too_small_is_retried_once_with_the_callees_min_se()
    {
        var rig = new ClientSessionRig();
        var session = rig.Start();

        rig.Answer(422, toTag: "t1", extraHeaders: "Min-SE: 3600\r\n");

        var invites = rig.Sent("INVITE ").DistinctBy(i => i.CSeq.Number).ToList();
        Assert.That(invites, Has.Count.EqualTo(2));
        Assert.That(invites[1].CSeq.ToString(), Is.EqualTo("2 INVITE"));
        Assert.That(invites[1].CallId, Is.EqualTo(session.CallId));
        Assert.That(invites[1].GetFirstHeaderValue("Session-Expires"), Is.EqualTo("3600"));
        Assert.That(invites[1].GetFirstHeaderValue("Min-SE"), Is.EqualTo("3600"));
        Assert.That(rig.Owner.Events, Is.Empty);

        rig.Answer(422, toTag: "t2", extraHeaders: "Min-SE: 7200\r\n");
        Assert.That(rig.Owner.Events.Single(), Does.StartWith("Failed(422"), "once only");
    }

    [Test, Description("RFC 4028 §7.2: a 2xx without Session-Expires means no session timer")]
    public void No_session_expires_in_the_answer_means_no_timer()
    {
        var rig = new ClientSessionRig();
        var session = rig.Start();
        rig.Answer(200, body: Offer);

        rig.Time.Advance(TimeSpan.FromSeconds(4000));

        Assert.That(session.SessionInterval, Is.Null);
        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
        Assert.That(rig.Transport.Sent.Count(s => !s.Text.StartsWith("INVITE ", StringComparison.Ordinal)), Is.EqualTo(1), "only the ACK");
    }

    [Test, Description("RFC 4028 §9: a caller that supports timers and asks for 600 s refreshes; no refresh means BYE at 568 s")]
    public void Answering_side_grants_the_callers_interval_and_ends_the_call_without_refresh()
    {
        var rig = new SessionRig();
        var session = rig.StartConfirmed(DialogMessages.Invite(body: Offer, extraHeaders: "Supported: timer\r\nSession-Expires: 600\r\n"));

        var ok = rig.SentMessages("SIP/2.0 200 ").First();
        Assert.That(ok.GetFirstHeaderValue("Session-Expires"), Is.EqualTo("600;refresher=uac"));
        Assert.That(ok.GetHeaderValues("Require"), Does.Contain("timer"));
        Assert.That(ok.GetHeaderValues("Supported"), Does.Contain("replaces").And.Contain("timer"));
        Assert.That(session.IsSessionRefresher, Is.False);
        rig.Time.Advance(TimeSpan.FromSeconds(567.9));
        Assert.That(rig.SentMessages("BYE "), Is.Empty);
        rig.Time.Advance(TimeSpan.FromSeconds(0.2));

        var bye = (SipRequest)rig.SentMessages("BYE ").Single();
        Assert.That(bye.GetFirstHeaderValue("Reason"), Does.Contain("cause=408").And.Contain("Session timer expired"));
        Assert.That(rig.Owner.Events[^1], Is.EqualTo("Failed(SessionTimerExpired)"));
    }

    [Test, Description("RFC 4028 §9, RFC 3311: the caller's UPDATE refresh is answered 200 with the interval and restarts the timer")]
    public void Answering_side_takes_an_update_refresh_and_restarts_the_timer()
    {
        var rig = new SessionRig();
        var session = rig.StartConfirmed(DialogMessages.Invite(body: Offer, extraHeaders: "Supported: timer\r\nSession-Expires: 600\r\n"));
        rig.Time.Advance(TimeSpan.FromSeconds(300));

        rig.Receive(DialogMessages.InDialog("UPDATE", session.Dialog.LocalTag, 2, "z9hG4bKupd1",
            extraHeaders: "Supported: timer\r\nSession-Expires: 600;refresher=uac\r\n"));
        var ok = rig.SentMessages("SIP/2.0 200 ").Last();
        rig.Time.Advance(TimeSpan.FromSeconds(567.9));
        Assert.That(rig.SentMessages("BYE "), Is.Empty, "the old expiry at 568 s is gone");
        rig.Time.Advance(TimeSpan.FromSeconds(0.2));

        Assert.That(ok.CSeq.ToString(), Is.EqualTo("2 UPDATE"));
        Assert.That(ok.GetFirstHeaderValue("Session-Expires"), Is.EqualTo("600;refresher=uac"));
        Assert.That(rig.SentMessages("BYE "), Has.Count.EqualTo(1), "868 s: 568 s after the refresh");
    }

    [Test, Description("RFC 4028 §9, §10: refresher=uas makes us refresh; without UPDATE in the caller's Allow, by re-INVITE with our SDP")]
    public void Answering_side_refreshes_by_reinvite_when_the_caller_does_not_allow_update()
    {
        var rig = new SessionRig();
        var session = rig.StartConfirmed(DialogMessages.Invite(body: Offer,
            extraHeaders: "Supported: timer\r\nSession-Expires: 600;refresher=uas\r\nAllow: INVITE, ACK, BYE, CANCEL\r\n"));
        Assert.That(session.IsSessionRefresher, Is.True);

        rig.Time.Advance(TimeSpan.FromSeconds(300));
        var sent = rig.LastSent("INVITE ");
        rig.Layer.OnResponse(DialogMessages.Response(sent.Text, 200), SessionRig.Caller);

        var reInvite = (SipRequest)DialogMessages.Parse(sent.Text);
        Assert.That(reInvite.GetFirstHeaderValue("Session-Expires"), Is.EqualTo("600;refresher=uac"));
        Assert.That(Encoding.UTF8.GetString(reInvite.Body.Span), Is.EqualTo(Offer), "the SDP we answered with, unchanged");
        Assert.That(((SipRequest)rig.SentMessages("ACK ").Single()).CSeq.ToString(), Is.EqualTo("1 ACK"));
        Assert.That(rig.Owner.Events.Count(e => e == "ReInvite"), Is.Zero, "a refresh of ours is not the owner's business");
    }

    [Test, Description("RFC 4028 §9: a caller that neither supports nor asks for timers gets none")]
    public void Answering_side_runs_no_timer_for_a_caller_without_timer_support()
    {
        var rig = new SessionRig();
        var session = rig.StartConfirmed();

        var ok = rig.SentMessages("SIP/2.0 200 ").First();
        Assert.That(ok.HasHeader("Session-Expires"), Is.False);
        Assert.That(ok.HasHeader("Require"), Is.False);
        Assert.That(session.SessionInterval, Is.Null);
    }

    [Test, Description("RFC 4028 §8.1: a Session-Expires below our Min-SE is refused with 422 and our Min-SE")]
    public void Interval_below_our_minimum_is_refused_with_422()
    {
        var rig = new SessionRig();
        var session = rig.Start(DialogMessages.Invite(body: Offer, extraHeaders: "Supported: timer\r\nSession-Expires: 60\r\n"));

        Assert.That(session.RejectIfSessionIntervalTooSmall(), Is.True);

        var refused = rig.SentMessages("SIP/2.0 422 ").Single();
        Assert.That(refused.GetFirstHeaderValue("Min-SE"), Is.EqualTo("90"));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Terminated));
        Assert.That(rig.Router.Dialogs.Count, Is.Zero);
    }

    [Test, Description("RFC 4028 §9: a refresh asking for less than our Min-SE is refused with 422; the session and its timer go on")]
    public void A_refresh_below_our_minimum_is_refused_with_422_and_the_running_timer_stays()
    {
        var rig = new SessionRig();
        var session = rig.StartConfirmed(DialogMessages.Invite(body: Offer, extraHeaders: "Supported: timer\r\nSession-Expires: 600\r\n"));
        rig.Time.Advance(TimeSpan.FromSeconds(300));

        rig.Receive(DialogMessages.InDialog("UPDATE", session.Dialog.LocalTag, 2, "z9hG4bKupd1",
            extraHeaders: "Supported: timer\r\nSession-Expires: 30;refresher=uac\r\n"));
        rig.Receive(DialogMessages.InDialog("INVITE", session.Dialog.LocalTag, 3, "z9hG4bKre1", body: Offer,
            extraHeaders: "Supported: timer\r\nSession-Expires: 45\r\n"));

        var refused = rig.SentMessages("SIP/2.0 422 ").ToList();
        Assert.That(refused.Select(r => r.CSeq.ToString()), Is.EqualTo(new[] { "2 UPDATE", "3 INVITE" }));
        Assert.That(refused.Select(r => r.GetFirstHeaderValue("Min-SE")), Is.All.EqualTo("90"));
        Assert.That(rig.Owner.Events.Count(e => e == "ReInvite"), Is.Zero, "a refused refresh never reaches the owner");
        Assert.That(session.SessionInterval, Is.EqualTo(TimeSpan.FromSeconds(600)));
        rig.Time.Advance(TimeSpan.FromSeconds(267.9));
        Assert.That(rig.SentMessages("BYE "), Is.Empty);
        rig.Time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.That(rig.SentMessages("BYE "), Has.Count.EqualTo(1), "the first interval's expiry at 568 s still holds");
    }
}
