using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;
using Softswitch.Media.Dtmf;

namespace Softswitch.Calls.Tests.Features;

/// <summary>The echo test number: what the phone sends comes back, key presses included, until it hangs up.</summary>
public sealed class EchoFeatureTests : EchoCallFixture
{
    [Test, Description("RFC 4733 §2.3: the events come back on the negotiated payload type, one event timestamp")]
    public async Task Key_presses_are_echoed_as_telephone_events()
    {
        var call = new SipCall(Switch, "1001", Echo);
        var ok = await call.CallAsync(PhoneSdp.Create(Phone, 1, telephoneEvent: 101));
        call.Ack();
        Phone.Remote = PhoneSdp.MediaEndPoint(ok.Body);
        await Phone.SendUntilAsync(NumberedFrame.Create, NumberedFrame.Is, "echoed audio");
        var skip = Phone.Count;

        Phone.SendDigit(eventCode: 9, payloadType: 101);

        var end = await Phone.WaitForAsync(p => p.PayloadType == 101 && (p.Payload[1] & 0x80) != 0, "echoed end of event", skip);
        var events = Phone.Received(skip).Where(p => p.PayloadType == 101).ToList();
        Assert.That(TelephoneEventPayload.TryParse(end.Payload, out var payload), Is.True);
        Assert.That(payload.EventCode, Is.EqualTo(9));
        Assert.That(events[0].Marker, Is.True, "the first packet of the event is marked");
        Assert.That(events.Select(e => e.Timestamp).Distinct().Count(), Is.EqualTo(1), "one event, one timestamp");
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
    }
}
