using Softswitch.Media.Dtmf;

namespace Softswitch.Media.Tests.Dtmf;

public class TelephoneEventPayloadTests
{
    [Test]
    [Description("RFC 4733 §2.3")]
    public void Fields_are_read_from_the_wire_layout()
    {
        Assert.That(TelephoneEventPayload.TryParse([11, 0x80 | 0x40 | 0x25, 0x12, 0x34, 0xEE], out var payload), Is.True);

        Assert.That(payload, Is.EqualTo(new TelephoneEventPayload(11, true, 0x25, 0x1234)));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    public void Payload_shorter_than_four_bytes_is_rejected(int length)
    {
        Assert.That(TelephoneEventPayload.TryParse(new byte[length], out _), Is.False);
    }

    [Test]
    public void Written_payload_parses_back()
    {
        var original = new TelephoneEventPayload(15, false, 63, 0xFFFF);
        var bytes = new byte[4];
        original.WriteTo(bytes);

        Assert.That(bytes, Is.EqualTo(new byte[] { 15, 63, 0xFF, 0xFF }));
        Assert.That(TelephoneEventPayload.TryParse(bytes, out var parsed) && parsed == original, Is.True);
    }
}
