using Softswitch.Sip.Dialogs;
using static Softswitch.Sip.Tests.Dialogs.ClientSessionRig;

namespace Softswitch.Sip.Tests.Dialogs;

/// <summary>RFC 3262 on the calling side: reliable provisional responses are PRACKed once each.</summary>
public sealed class InviteClientPrackTests
{
    private const string Reliable1 = "Require: 100rel\r\nRSeq: 1\r\n";
    private const string Reliable2 = "Require: 100rel\r\nRSeq: 2\r\n";
    private ClientSessionRig _rig = null!;

    [SetUp]
    public void SetUp() => _rig = new ClientSessionRig();

    [Test, Description("RFC 3262 §4: a reliable provisional is acknowledged by PRACK with RAck in its early dialog")]
    public void Reliable_ringing_is_pracked_with_rack_in_the_early_dialog()
    {
        var session = _rig.Start();

        _rig.Answer(180, extraHeaders: Reliable1);

        var prack = _rig.Sent("PRACK ").Single();
        Assert.That(prack.GetFirstHeaderValue("RAck"), Is.EqualTo("1 1 INVITE"));
        Assert.That(prack.CSeq.ToString(), Is.EqualTo("2 PRACK"));
        Assert.That(prack.To.Tag, Is.EqualTo("callee-tag"));
        Assert.That(prack.From.Tag, Is.EqualTo(session.LocalTag));
        Assert.That(prack.RequestUri.ToString(), Is.EqualTo("sip:1002@192.168.1.20:5070;transport=udp"), "the early dialog's remote target");
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Provisional(180,0)" }));
    }

    [Test, Description("RFC 3262 §4: a retransmitted reliable provisional is not PRACKed again nor passed on; the next RSeq is")]
    public void Retransmitted_reliable_provisional_is_not_pracked_twice()
    {
        _rig.Start();

        _rig.Answer(180, extraHeaders: Reliable1);
        _rig.Answer(180, extraHeaders: Reliable1);
        _rig.Answer(183, extraHeaders: Reliable2);
        _rig.AnswerLast("PRACK ", 200);

        var pracks = _rig.Sent("PRACK ").DistinctBy(p => p.CSeq.Number).ToList();
        Assert.That(pracks.Select(p => p.CSeq.ToString()), Is.EqualTo(new[] { "2 PRACK", "3 PRACK" }));
        Assert.That(pracks[1].GetFirstHeaderValue("RAck"), Is.EqualTo("2 1 INVITE"));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Provisional(180,0)", "Provisional(183,0)" }));
    }

    [Test, Description("RFC 3262 §4: an RSeq that skips one is out of order and dropped until the missing one arrives")]
    public void Out_of_order_reliable_provisional_is_dropped()
    {
        _rig.Start();
        _rig.Answer(180, extraHeaders: Reliable1);

        _rig.Answer(183, extraHeaders: "Require: 100rel\r\nRSeq: 3\r\n");

        Assert.That(_rig.Sent("PRACK ").DistinctBy(p => p.CSeq.Number).Count(), Is.EqualTo(1));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Provisional(180,0)" }));
    }

    [Test, Description("RFC 3262 §3, RFC 3261 §12.2.1.1: requests after PRACKs keep counting up in the confirmed dialog")]
    public void Bye_after_a_prack_uses_the_next_cseq()
    {
        var session = _rig.Start();
        _rig.Answer(180, extraHeaders: Reliable1);
        _rig.AnswerLast("PRACK ", 200);
        _rig.Answer(200, body: DialogMessages.Sdp("sendrecv"));

        session.Hangup();

        Assert.That(_rig.Sent("BYE ").Single().CSeq.ToString(), Is.EqualTo("3 BYE"));
        Assert.That(_rig.Sent("ACK ").Last().CSeq.ToString(), Is.EqualTo("1 ACK"));
    }

    [Test, Description("RFC 3262 §4: a provisional without Require: 100rel is not acknowledged")]
    public void Unreliable_ringing_gets_no_prack()
    {
        _rig.Start();

        _rig.Answer(180, extraHeaders: "RSeq: 1\r\n");

        Assert.That(_rig.Sent("PRACK "), Is.Empty);
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Provisional(180,0)" }));
    }
}
