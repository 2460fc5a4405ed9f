using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Sdp;

namespace Softswitch.Media.Tests.Sdp;

public class OfferAnswerSessionTests
{
    private static OfferAnswerSession NewSession(int port = 20000, string address = "192.0.2.10") =>
        new(new LocalMediaOptions
        {
            Address = address,
            RtpPort = port,
            Codecs = [CodecDescriptor.Pcmu, CodecDescriptor.Pcma, CodecDescriptor.TelephoneEvent],
        }, new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    private static SessionDescription PeerOffer(string direction = "sendrecv", string address = "198.51.100.7") =>
        SdpTestData.ParseText($"v=0\r\no=peer 1 1 IN IP4 {address}\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\n" +
                              $"m=audio 4000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na={direction}\r\n");

    [Test]
    public void Answerer_goes_idle_offer_received_stable()
    {
        var session = NewSession();

        var result = session.ReceiveOffer(PeerOffer());
        Assert.That(session.State, Is.EqualTo(OfferAnswerState.OfferReceived));
        var answer = session.CreateAnswer();

        Assert.That(session.State, Is.EqualTo(OfferAnswerState.Stable));
        Assert.That(answer, Is.SameAs(result.Answer));
        Assert.That(session.Negotiated, Is.SameAs(result));
        Assert.That(session.LocalDescription, Is.SameAs(answer));
        Assert.That(answer.Origin.SessionId, Is.EqualTo(session.SessionId));
        Assert.That(result.TelephoneEventPayloadType, Is.EqualTo(101));
    }

    [Test]
    public void Offerer_goes_idle_offer_sent_stable()
    {
        var offerer = NewSession();
        var answerer = NewSession(30000, "192.0.2.20");

        var offer = offerer.CreateOffer();
        Assert.That(offerer.State, Is.EqualTo(OfferAnswerState.OfferSent));
        answerer.ReceiveOffer(offer);
        var result = offerer.ReceiveAnswer(answerer.CreateAnswer());

        Assert.That(offerer.State, Is.EqualTo(OfferAnswerState.Stable));
        Assert.That(result.IsAccepted, Is.True, result.Error);
        Assert.That(result.Codec!.EncodingName, Is.EqualTo("PCMU"));
        Assert.That(result.TelephoneEventPayloadType, Is.EqualTo(101));
        Assert.That((result.RemoteRtpAddress, result.RemoteRtpPort), Is.EqualTo(("192.0.2.20", 30000)));
    }

    [Test]
    [Description("RFC 3264 §4: one offer outstanding at a time")]
    public void Calls_in_the_wrong_state_throw_invalid_operation()
    {
        var session = NewSession();
        Assert.Throws<InvalidOperationException>(() => session.CreateAnswer());
        Assert.Throws<InvalidOperationException>(() => session.ReceiveAnswer(PeerOffer()));
        Assert.Throws<InvalidOperationException>(() => session.Rollback());

        session.CreateOffer();
        Assert.Throws<InvalidOperationException>(() => session.CreateOffer());
        Assert.Throws<InvalidOperationException>(() => session.ReceiveOffer(PeerOffer()), "glare: the SIP layer answers 491");
        Assert.Throws<InvalidOperationException>(() => session.CreateAnswer());

        var answerer = NewSession();
        answerer.ReceiveOffer(PeerOffer());
        Assert.Throws<InvalidOperationException>(() => answerer.CreateOffer());
        Assert.Throws<InvalidOperationException>(() => answerer.ReceiveOffer(PeerOffer()));
        Assert.Throws<InvalidOperationException>(() => answerer.ReceiveAnswer(PeerOffer()));
    }

    [Test]
    public void Unacceptable_offer_leaves_the_state_unchanged()
    {
        var session = NewSession();
        var offer = SdpTestData.ParseText("v=0\r\no=p 1 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\nm=audio 4000 RTP/AVP 18\r\n");

        var result = session.ReceiveOffer(offer);

        Assert.That(result.RejectStatusCode, Is.EqualTo(488));
        Assert.That(session.State, Is.EqualTo(OfferAnswerState.Idle));
    }

    [Test]
    public void Invalid_answer_returns_to_the_previous_state_and_keeps_the_old_negotiation()
    {
        var session = NewSession();
        session.ReceiveOffer(PeerOffer());
        session.CreateAnswer();
        var before = session.Negotiated;

        session.CreateOffer();
        var bogus = SdpTestData.ParseText("v=0\r\no=p 1 2 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\nm=audio 4000 RTP/AVP 18\r\n");
        var result = session.ReceiveAnswer(bogus);

        Assert.That(result.Status, Is.EqualTo(NegotiationStatus.InvalidDescription));
        Assert.That(session.State, Is.EqualTo(OfferAnswerState.Stable));
        Assert.That(session.Negotiated, Is.SameAs(before));
    }

    [Test]
    public void Rollback_withdraws_a_pending_offer()
    {
        var session = NewSession();
        session.ReceiveOffer(PeerOffer());
        session.CreateAnswer();

        session.ReceiveOffer(PeerOffer("sendonly"));
        session.Rollback();

        Assert.That(session.State, Is.EqualTo(OfferAnswerState.Stable));
        Assert.That(session.Negotiated!.RemoteHold, Is.False);
    }

    [Test]
    [Description("RFC 3264 §8.4 hold and unhold by re-offer")]
    public void Re_offer_sendonly_then_sendrecv_holds_and_unholds()
    {
        var session = NewSession();
        session.ReceiveOffer(PeerOffer());
        session.CreateAnswer();

        var hold = session.ReceiveOffer(PeerOffer("sendonly"));
        var holdAnswer = session.CreateAnswer();
        Assert.That(hold.RemoteHold, Is.True);
        Assert.That(holdAnswer.Media[0].Direction, Is.EqualTo(SdpMediaDirection.RecvOnly));
        Assert.That(session.Negotiated!.CanSend, Is.False);

        var unhold = session.ReceiveOffer(PeerOffer("sendrecv"));
        var unholdAnswer = session.CreateAnswer();
        Assert.That(unhold.RemoteHold, Is.False);
        Assert.That(unholdAnswer.Media[0].Direction, Is.EqualTo(SdpMediaDirection.SendRecv));
        Assert.That(session.Negotiated!.CanSend, Is.True);
    }

    [Test]
    [Description("RFC 3264 §8.4: c=0.0.0.0 re-offer")]
    public void Re_offer_with_zero_address_holds_and_a_real_address_unholds()
    {
        var session = NewSession();
        session.ReceiveOffer(PeerOffer());
        session.CreateAnswer();

        Assert.That(session.ReceiveOffer(PeerOffer(address: "0.0.0.0")).RemoteHold, Is.True);
        session.CreateAnswer();
        var resumed = session.ReceiveOffer(PeerOffer());
        session.CreateAnswer();

        Assert.That(resumed.RemoteHold, Is.False);
        Assert.That(resumed.RemoteRtpAddress, Is.EqualTo("198.51.100.7"));
    }

    [Test]
    [Description("RFC 3264 §8: version +1 when changed, unchanged for an identical description")]
    public void Origin_version_increments_only_when_our_description_changes()
    {
        var session = NewSession();
        var first = session.CreateOffer();
        session.Rollback();
        var identical = session.CreateOffer();
        session.Rollback();
        session.LocalHold = true;
        var hold = session.CreateOffer();
        session.Rollback();
        session.LocalHold = false;
        var resume = session.CreateOffer();

        Assert.That(first.Origin.SessionVersion, Is.EqualTo(1));
        Assert.That(identical.Origin.SessionVersion, Is.EqualTo(1));
        Assert.That(hold.Origin.SessionVersion, Is.EqualTo(2));
        Assert.That(hold.Media[0].Direction, Is.EqualTo(SdpMediaDirection.SendOnly));
        Assert.That(resume.Origin.SessionVersion, Is.EqualTo(3));
        Assert.That(new[] { first, hold, resume }.Select(o => o.Origin.SessionId).Distinct().Count(), Is.EqualTo(1),
            "the session id never changes");
    }

    [Test]
    public void Answer_after_our_offer_continues_the_same_version_sequence()
    {
        var session = NewSession();
        var offer = session.CreateOffer();
        var peer = NewSession(30000, "192.0.2.20");
        peer.ReceiveOffer(offer);
        session.ReceiveAnswer(peer.CreateAnswer());

        session.ReceiveOffer(PeerOffer("sendonly"));
        var answer = session.CreateAnswer();

        Assert.That(answer.Origin.SessionVersion, Is.EqualTo(offer.Origin.SessionVersion + 1));
    }

    [Test]
    [Description("RFC 6337 §5.3: holding a peer that holds us gives inactive")]
    public void Local_hold_offer_is_inactive_when_the_peer_already_holds()
    {
        var session = NewSession();
        session.ReceiveOffer(PeerOffer("sendonly"));
        session.CreateAnswer();
        session.LocalHold = true;

        var offer = session.CreateOffer();

        Assert.That(offer.Media[0].Direction, Is.EqualTo(SdpMediaDirection.Inactive));
    }

    [Test]
    public void Two_sessions_created_in_the_same_second_get_different_session_ids()
    {
        Assert.That(NewSession().SessionId, Is.Not.EqualTo(NewSession().SessionId));
    }

    [Test]
    public void Invalid_options_are_refused()
    {
        var time = new FakeTimeProvider();
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new OfferAnswerSession(new LocalMediaOptions { Address = "192.0.2.1", RtpPort = 0 }, time));
        Assert.Throws<ArgumentException>(() => _ = new OfferAnswerSession(
            new LocalMediaOptions { Address = "192.0.2.1", RtpPort = 4000, Codecs = [CodecDescriptor.TelephoneEvent] }, time));
    }
}
