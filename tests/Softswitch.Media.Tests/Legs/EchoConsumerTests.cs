using Softswitch.Media.Legs;

namespace Softswitch.Media.Tests.Legs;

public class EchoConsumerTests
{
    [Test]
    [Description("RFC 3550 §8: the echo is our stream (our SSRC, sequence and timestamp), not the caller's mirrored")]
    public async Task Echo_sends_each_audio_and_telephone_event_packet_back_in_the_legs_own_stream()
    {
        await using var bed = new LegTestBed(legs: 1);
        var phone = bed.Phone();
        var leg = bed.Leg(LegTestBed.Pcmu, phone, telephoneEvent: 101);
        leg.Consumer = new EchoConsumer(leg);
        var tap = new RecordingTap();
        leg.Tap = tap;

        var sent = new List<byte[]>();
        for (var i = 0; i < 3; i++)
        {
            sent.Add(phone.Send(leg.LocalRtpEndPoint, 0, Enumerable.Range(i, 160).Select(b => (byte)b).ToArray(), 160));
        }

        phone.SendEvent(leg.LocalRtpEndPoint, 101, phone.NextTimestamp, eventCode: 4, end: false, duration: 160, marker: true);

        var echoed = await phone.ReceiveAsync(4);
        Assert.That(echoed.Select(p => p.Header.Ssrc), Is.All.EqualTo(leg.OutputSsrc));
        Assert.That(leg.OutputSsrc, Is.Not.EqualTo(phone.Ssrc));
        for (var i = 0; i < 3; i++)
        {
            Assert.That(echoed[i].Payload, Is.EqualTo(sent[i][12..]), "payload unchanged");
        }

        Assert.That(echoed.Select(p => p.Sequence), Is.EqualTo(Enumerable.Range(echoed[0].Sequence, 4).Select(s => (ushort)s)));
        Assert.That(echoed[3].Header.PayloadType, Is.EqualTo(101));
        Assert.That(echoed[3].Payload[0], Is.EqualTo(4));
        Assert.That(tap.Received.Select(p => p.Payload), Is.EqualTo(tap.Sent.Select(p => p.Payload)), "the recorder hears both sides");
        Assert.That(tap.Sent, Has.Count.EqualTo(3));
    }
}
