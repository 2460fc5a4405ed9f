using System.Text;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using static Softswitch.Sip.Tests.Dialogs.DialogMessages;

namespace Softswitch.Sip.Tests.Dialogs;

/// <summary>Offers in both directions on the answering side: UPDATE (RFC 3311), glare and the §14.1 wait, target refresh.</summary>
public sealed class InDialogOfferTests
{
    private static readonly byte[] HoldOffer = Encoding.UTF8.GetBytes(Sdp("sendonly"));
    private SessionRig _rig = null!;

    [SetUp]
    public void SetUp() => _rig = new SessionRig();

    [Test, Description("RFC 3311 §5.2: an UPDATE offer the owner does not serve is refused 488 and the call goes on")]
    public void Update_offer_is_refused_488_by_default()
    {
        var session = _rig.StartConfirmed();

        _rig.Receive(InDialog("UPDATE", session.Dialog.LocalTag, 2, "z9hG4bKupd1", Sdp("sendonly"), "application/sdp"));

        Assert.That(_rig.Owner.Events[^1], Is.EqualTo("Request(UPDATE)"));
        Assert.That(_rig.SentMessages("SIP/2.0 488 ").Single().CSeq.ToString(), Is.EqualTo("2 UPDATE"));
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Confirmed));
    }

    [Test, Description("RFC 3311 §5.2: an UPDATE offer while the peer's re-INVITE offer is unanswered gets 500 with Retry-After")]
    public void Update_offer_during_the_peers_reinvite_gets_500_with_retry_after()
    {
        var session = _rig.StartConfirmed();
        _rig.Owner.OnOffer = (_, _) => { };
        _rig.Receive(InDialog("INVITE", session.Dialog.LocalTag, 2, "z9hG4bKre1", Sdp("sendonly"), "application/sdp"));

        _rig.Receive(InDialog("UPDATE", session.Dialog.LocalTag, 3, "z9hG4bKupd1", Sdp("inactive"), "application/sdp"));

        var refused = _rig.SentMessages("SIP/2.0 500 ").Single();
        Assert.That(refused.CSeq.ToString(), Is.EqualTo("3 UPDATE"));
        Assert.That(refused.HasHeader("Retry-After"), Is.True);
    }

    [Test, Description("RFC 3311 §5.2 glare: an UPDATE offer while our re-INVITE is out gets 491")]
    public void Update_offer_while_our_reinvite_is_out_gets_491()
    {
        var session = _rig.StartConfirmed();
        _ = session.ReInviteAsync(HoldOffer);

        _rig.Receive(InDialog("UPDATE", session.Dialog.LocalTag, 2, "z9hG4bKupd1", Sdp("inactive"), "application/sdp"));

        Assert.That(_rig.SentMessages("SIP/2.0 491 ").Single().CSeq.ToString(), Is.EqualTo("2 UPDATE"));
        Assert.That(_rig.Owner.Events.Any(e => e.StartsWith("Request", StringComparison.Ordinal)), Is.False);
    }

    [Test, Description("RFC 3261 §14.1: the side that did not make the Call-ID waits 0-2 s after a 491")]
    public async Task Reinvite_from_the_answering_side_is_retried_within_two_seconds_of_a_491()
    {
        var session = _rig.StartConfirmed();

        var outcome = session.ReInviteAsync(HoldOffer);
        _rig.Layer.OnResponse(Response(_rig.LastSent("INVITE ").Text, 491), SessionRig.Caller);
        _rig.Advance(2.01);
        var again = _rig.SentMessages("INVITE ").DistinctBy(m => m.CSeq.Number).ToList();
        _rig.Layer.OnResponse(Response(_rig.LastSent("INVITE ").Text, 488), SessionRig.Caller);

        Assert.That(again.Select(m => m.CSeq.ToString()), Is.EqualTo(new[] { "1 INVITE", "2 INVITE" }));
        var result = await outcome;
        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.StatusCode, Is.EqualTo(488), "a refusal other than 491 is the outcome; the session goes on");
        Assert.That(session.State, Is.EqualTo(InviteSessionState.Confirmed));
    }

    [Test, Description("RFC 3261 §12.2.1.2: the 2xx to our re-INVITE is a target refresh")]
    public async Task Answer_to_our_reinvite_moves_the_remote_target_to_its_contact()
    {
        var session = _rig.StartConfirmed();

        var outcome = session.ReInviteAsync(HoldOffer);
        var sent = (SipRequest)Parse(_rig.LastSent("INVITE ").Text);
        var ok = (SipResponse)Parse(
            "SIP/2.0 200 OK\r\n" +
            $"Via: {sent.TopVia}\r\nFrom: {sent.From}\r\nTo: {sent.To}\r\nCall-ID: {sent.CallId}\r\nCSeq: {sent.CSeq}\r\n" +
            "Contact: <sip:1001@192.168.1.77:5090>\r\nContent-Type: application/sdp\r\n" +
            $"Content-Length: {Sdp("recvonly").Length}\r\n\r\n{Sdp("recvonly")}");
        _rig.Layer.OnResponse(ok, SessionRig.Caller);

        Assert.That((await outcome).IsSuccess, Is.True);
        Assert.That(session.Dialog.RemoteTarget.ToString(), Is.EqualTo("sip:1001@192.168.1.77:5090"));
        var ack = (SipRequest)_rig.SentMessages("ACK ").Single();
        Assert.That(ack.RequestUri.ToString(), Is.EqualTo("sip:1001@192.168.1.77:5090"));
        Assert.That(ack.CSeq.ToString(), Is.EqualTo("1 ACK"));
    }

    [Test, Description("RFC 4028 §10, RFC 3311: a peer that refuses our UPDATE refresh (501) is refreshed by re-INVITE")]
    public void Refresh_falls_back_to_reinvite_when_update_is_refused()
    {
        _rig.StartConfirmed(Invite(body: Sdp("sendrecv"),
            extraHeaders: "Supported: timer\r\nSession-Expires: 600;refresher=uas\r\nAllow: INVITE, ACK, BYE, UPDATE\r\n"));

        _rig.Time.Advance(TimeSpan.FromSeconds(300));
        _rig.Layer.OnResponse(Response(_rig.LastSent("UPDATE ").Text, 501), SessionRig.Caller);

        var reInvite = (SipRequest)_rig.SentMessages("INVITE ").Single();
        Assert.That(reInvite.CSeq.ToString(), Is.EqualTo("2 INVITE"));
        Assert.That(Encoding.UTF8.GetString(reInvite.Body.Span), Is.EqualTo(Sdp("sendrecv")));
    }
}
