using System.Net;
using System.Text;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Transport;
using static Softswitch.Sip.Tests.Dialogs.DialogMessages;

namespace Softswitch.Sip.Tests.Dialogs;

public sealed class SessionRoutingTests
{
    private SessionRig _rig = null!;

    [SetUp]
    public void SetUp() => _rig = new SessionRig();

    [Test, Description("RFC 3261 §12.2.1.1: with a route set the request goes to the first hop")]
    public void Bye_goes_to_a_record_routing_proxy_at_another_address()
    {
        var session = _rig.StartConfirmed(Invite(recordRoute: "<sip:10.0.0.5:5080;lr;transport=udp>"));

        session.Hangup();

        Assert.That(_rig.LastSent("BYE ").To, Is.EqualTo(new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("10.0.0.5"), 5080))));
    }

    [Test, Description("RFC 3581: without a route set the request follows the INVITE's flow, not a private Contact")]
    public void Bye_without_route_set_goes_back_where_the_invite_came_from()
    {
        var session = _rig.StartConfirmed();

        session.Hangup();

        Assert.That(_rig.LastSent("BYE ").To, Is.EqualTo(SessionRig.Caller));
    }

    [Test, Description("RFC 3264 §5: an offerless INVITE gets our offer in the 2xx and the answer in the ACK")]
    public void Ack_carrying_the_answer_hands_its_sdp_to_the_owner()
    {
        var session = _rig.Start(Invite());
        session.Accept(Encoding.UTF8.GetBytes(Sdp("sendrecv")));

        _rig.Receive(Ack(session.Dialog.LocalTag, 1, body: Sdp("sendrecv")));

        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { $"Acknowledged({Encoding.UTF8.GetByteCount(Sdp("sendrecv"))})" }));
    }

    [Test, Description("RFC 3261 §15.1.2: a BYE before the ACK ends the session and its 2xx retransmission")]
    public void Bye_before_the_ack_stops_the_2xx_retransmission()
    {
        var session = _rig.Start(Invite());
        session.Accept(Encoding.UTF8.GetBytes(Sdp("sendrecv")));
        _rig.Advance(0.7);

        _rig.Receive(InDialog("BYE", session.Dialog.LocalTag, 2, "z9hG4bKbye1"));
        _rig.Advance(40);

        Assert.That(_rig.SentMessages("SIP/2.0 200 ").Count(m => m.CSeq.MethodName == "INVITE"), Is.EqualTo(2));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Bye" }));
        Assert.That(_rig.Transport.TimesOf("BYE "), Is.Empty);
    }

    [Test, Description("RFC 3261 §12.2.2: a CANCEL for an INVITE no session owns is left to the dispatcher")]
    public void Cancel_for_an_invite_without_session_is_not_handled()
    {
        _rig.Receive(Invite());

        _rig.Receive(Cancel());

        Assert.That(_rig.NewRequests.Select(t => t.Request.MethodName), Is.EqualTo(new[] { "INVITE", "CANCEL" }));
    }

    [Test]
    public void Ack_for_no_dialog_is_not_claimed()
    {
        _rig.Receive(Ack("nobody", 1));

        Assert.That(_rig.StrayAcks, Has.Count.EqualTo(1));
    }
}
