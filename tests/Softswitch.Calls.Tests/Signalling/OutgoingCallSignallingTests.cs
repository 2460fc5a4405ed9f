using System.Text;
using Softswitch.Calls.Tests.Support;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Signalling;

/// <summary>
/// A call the switch places (the B-leg the ACD and call control will use), through the switch's own dispatcher and
/// transaction layer: what reaches the calling session after its INVITE transaction has ended depends on that wiring.
/// </summary>
public class OutgoingCallSignallingTests
{
    private const string Offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

    [Test, Description("RFC 3261 §13.2.2.4: every retransmission of the 2xx is ACKed, also after the INVITE transaction ended")]
    public async Task A_retransmitted_200_after_the_invite_transaction_ended_is_acked_again()
    {
        await using var sw = new CallSwitch();
        var owner = new AnsweredOwner();
        var session = sw.Sessions.StartClientSession(new OutgoingInvite
        {
            Target = SipUri.Parse($"sip:1002@127.0.0.1:{CallSwitch.PhoneSip.Address.Port}"),
            Destination = CallSwitch.PhoneSip,
            From = NameAddress.Parse($"<sip:1001@{CallSwitch.Domain}>"),
            SdpOffer = Encoding.ASCII.GetBytes(Offer),
        }, owner);
        var invite = await sw.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Invite, "INVITE");

        var ok = OkFor(invite);
        sw.Receive(ok);
        await sw.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Ack, "ACK for the 200");
        Assert.That(owner.Answered, Is.True);

        // Well past the INVITE client transaction's end (RFC 6026 keeps it 64·T1 at most): the phone, not having heard
        // our ACK, sends the 200 again. It is now a stray response for the dispatcher to hand to the session.
        sw.Time.Advance(TimeSpan.FromSeconds(40));
        sw.Receive(ok);
        await Eventually.TrueAsync(() => Acks(sw) == 2, () => $"{Acks(sw)} ACKs sent");

        session.Hangup();
        var bye = await sw.WaitForAsync<SipRequest>(r => r.Method == SipMethod.Bye, "BYE");
        Assert.That(bye.CallId, Is.EqualTo(invite.CallId));
    }

    private static int Acks(CallSwitch sw) => sw.Sent().OfType<SipRequest>().Count(r => r.Method == SipMethod.Ack);

    private static string OkFor(SipRequest invite) =>
        "SIP/2.0 200 OK\r\n" +
        $"Via: {invite.TopVia}\r\n" +
        $"From: {invite.From}\r\n" +
        $"To: {invite.To};tag=phone-tag\r\n" +
        $"Call-ID: {invite.CallId}\r\n" +
        $"CSeq: {invite.CSeq}\r\n" +
        $"Contact: <sip:1002@127.0.0.1:{CallSwitch.PhoneSip.Address.Port}>\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Offer.Length}\r\n\r\n" + Offer;

    private sealed class AnsweredOwner : IInviteClientSessionOwner
    {
        private volatile bool _answered;

        public bool Answered => _answered;

        public void OnProvisional(InviteClientSession session, int statusCode, ReadOnlyMemory<byte> sdp)
        {
        }

        public void OnAnswered(InviteClientSession session, ReadOnlyMemory<byte> sdp) => _answered = true;

        public void OnFailed(InviteClientSession session, int statusCode, string reason)
        {
        }

        public void OnEnded(InviteClientSession session, InviteClientEnding ending)
        {
        }
    }
}
