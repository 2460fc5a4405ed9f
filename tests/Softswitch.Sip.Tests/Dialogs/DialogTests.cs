using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;
using static Softswitch.Sip.Tests.Dialogs.DialogMessages;

namespace Softswitch.Sip.Tests.Dialogs;

public sealed class DialogTests
{
    private static readonly ViaHeader OurVia = ViaHeader.Create("UDP", "127.0.0.1", 5060, "z9hG4bKours");

    [Test, Description("RFC 3261 §12.1.1: the UAS takes Record-Route in order; Contact is the remote target")]
    public void Uas_dialog_takes_ids_route_set_in_order_and_remote_target()
    {
        var dialog = Dialog.CreateUas(Invite(cseq: 7, recordRoute: "<sip:p1.example;lr>, <sip:p2.example;lr>"), "ours");

        Assert.That(dialog.Id, Is.EqualTo(new DialogId(CallId, "ours", CallerTag)));
        Assert.That(dialog.RouteSet.Select(r => r.Uri.Host), Is.EqualTo(new[] { "p1.example", "p2.example" }));
        Assert.That(dialog.RemoteTarget.ToString(), Is.EqualTo("sip:1001@192.168.1.10:5090"));
        Assert.That(dialog.RemoteCSeq, Is.EqualTo(7u));
        Assert.That(dialog.LocalCSeq, Is.Zero);
        Assert.That(dialog.IsSecure, Is.False);
    }

    [Test, Description("RFC 3261 §12.2.1.1: CSeq one higher per request")]
    public void Requests_we_send_count_cseq_up_from_one()
    {
        var dialog = Dialog.CreateUas(Invite(cseq: 7), "ours");

        var first = (SipRequest)Parse(System.Text.Encoding.UTF8.GetString(dialog.CreateRequest(SipMethod.Info, OurVia, null).ToBytes()));
        var second = (SipRequest)Parse(System.Text.Encoding.UTF8.GetString(dialog.CreateRequest(SipMethod.Bye, OurVia, null).ToBytes()));

        Assert.That(first.CSeq.ToString(), Is.EqualTo("1 INFO"));
        Assert.That(second.CSeq.ToString(), Is.EqualTo("2 BYE"));
        Assert.That(dialog.LocalCSeq, Is.EqualTo(2u));
    }

    [Test, Description("RFC 3261 §12.2.1.1: a strict first route becomes the Request-URI, the remote target goes last")]
    public void Strict_first_route_becomes_the_request_uri()
    {
        var dialog = Dialog.CreateUas(Invite(recordRoute: "<sip:strict.example>, <sip:p2.example;lr>"), "ours");

        var bye = (SipRequest)Parse(System.Text.Encoding.UTF8.GetString(dialog.CreateRequest(SipMethod.Bye, OurVia, null).ToBytes()));

        Assert.That(bye.RequestUri.ToString(), Is.EqualTo("sip:strict.example"));
        Assert.That(bye.Routes.Select(r => r.Uri.ToString()), Is.EqualTo(new[] { "sip:p2.example;lr", "sip:1001@192.168.1.10:5090" }));
    }

    [Test, Description("RFC 3261 §12.2.2")]
    public void Lower_remote_cseq_is_refused_and_equal_or_higher_accepted()
    {
        var dialog = Dialog.CreateUas(Invite(cseq: 5), "ours");

        Assert.That(dialog.TryAcceptRemoteCSeq(4), Is.False);
        Assert.That(dialog.TryAcceptRemoteCSeq(6), Is.True);
        Assert.That(dialog.TryAcceptRemoteCSeq(5), Is.False);
        Assert.That(dialog.RemoteCSeq, Is.EqualTo(6u));
    }
}
