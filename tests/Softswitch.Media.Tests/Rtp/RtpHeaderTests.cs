using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class RtpHeaderTests
{
    [Test]
    [Description("RFC 3550 §5.1")]
    public void Fixed_header_round_trips_every_field()
    {
        var header = new RtpHeader(payloadType: 0, sequenceNumber: 65535, timestamp: 0xFFFF_FFF0, ssrc: 0xDEADBEEF, marker: true);
        var packet = new byte[12 + 160];
        header.Write(packet);

        var status = RtpHeader.TryParse(packet, out var parsed, out var payloadOffset);

        Assert.That(status, Is.EqualTo(RtpParseStatus.Success));
        Assert.That(payloadOffset, Is.EqualTo(12));
        Assert.That(parsed.Marker, Is.True);
        Assert.That(parsed.PayloadType, Is.EqualTo(0));
        Assert.That(parsed.SequenceNumber, Is.EqualTo(65535));
        Assert.That(parsed.Timestamp, Is.EqualTo(0xFFFF_FFF0));
        Assert.That(parsed.Ssrc, Is.EqualTo(0xDEADBEEF));
        Assert.That(parsed.PayloadLength, Is.EqualTo(160));
        Assert.That(packet[0], Is.EqualTo(0x80));
        Assert.That(packet[1], Is.EqualTo(0x80));
    }

    [Test]
    [Description("RFC 3550 §5.1, §5.3.1")]
    public void Csrcs_extension_and_padding_round_trip_and_are_skipped_to_the_payload()
    {
        var header = new RtpHeader(96, 1000, 123456, 42)
        {
            HasExtension = true,
            ExtensionProfile = 0xBEDE,
            HasPadding = true,
        };
        uint[] csrcs = [11, 22, 33];
        byte[] extension = [0x10, 0xAA, 0, 0, 0x21, 1, 2, 0];
        byte[] payload = [1, 2, 3, 4, 5];
        var packet = new byte[RtpHeader.GetWrittenLength(3, extension.Length, true) + payload.Length + 3];
        var offset = header.Write(packet, csrcs, extension);
        payload.CopyTo(packet, offset);
        RtpHeader.WritePadding(packet.AsSpan(offset + payload.Length), 3);

        var status = RtpHeader.TryParse(packet, out var parsed, out var payloadOffset);

        Assert.That(status, Is.EqualTo(RtpParseStatus.Success));
        Assert.That(parsed.CsrcCount, Is.EqualTo(3));
        Assert.That(RtpHeader.ReadCsrc(packet, 2), Is.EqualTo(33));
        Assert.That(parsed.HasExtension, Is.True);
        Assert.That(parsed.ExtensionProfile, Is.EqualTo(0xBEDE));
        Assert.That(parsed.ExtensionDataLength, Is.EqualTo(8));
        Assert.That(packet.AsSpan(parsed.ExtensionDataOffset, 8).ToArray(), Is.EqualTo(extension));
        Assert.That(payloadOffset, Is.EqualTo(12 + 12 + 4 + 8));
        Assert.That(parsed.PaddingLength, Is.EqualTo(3));
        Assert.That(packet.AsSpan(payloadOffset, parsed.PayloadLength).ToArray(), Is.EqualTo(payload));
    }

    [TestCase(new byte[] { 0x80, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0 }, RtpParseStatus.TooShort)]
    [TestCase(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3 }, RtpParseStatus.BadVersion)]
    [TestCase(new byte[] { 0x82, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4 }, RtpParseStatus.TruncatedCsrcList)]
    [TestCase(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0xBE, 0xDE }, RtpParseStatus.TruncatedExtension)]
    [TestCase(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0xBE, 0xDE, 0, 2, 1, 2, 3, 4 }, RtpParseStatus.TruncatedExtension)]
    [TestCase(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 9, 0 }, RtpParseStatus.BadPadding)]
    [TestCase(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 9, 3 }, RtpParseStatus.BadPadding)]
    [Description("RFC 3550 Appendix A.1 header validity checks")]
    public void Malformed_packets_are_refused_with_a_status(byte[] packet, RtpParseStatus expected)
    {
        Assert.That(RtpHeader.TryParse(packet, out _, out _), Is.EqualTo(expected));
    }

    [Test]
    public void Every_truncation_and_random_garbage_never_throws()
    {
        var header = new RtpHeader(8, 7, 8, 9) { HasExtension = true, HasPadding = true };
        var packet = new byte[12 + 8 + 4 + 4 + 20 + 4];
        var offset = header.Write(packet, [1, 2], new byte[4]);
        RtpHeader.WritePadding(packet.AsSpan(offset + 20), 4);
        for (var length = 0; length <= packet.Length; length++)
        {
            Assert.DoesNotThrow(() => RtpHeader.TryParse(packet.AsSpan(0, length), out _, out _));
        }

        var random = new Random(3550);
        var garbage = new byte[64];
        for (var i = 0; i < 10_000; i++)
        {
            random.NextBytes(garbage);
            var length = random.Next(garbage.Length + 1);
            var status = RtpHeader.TryParse(garbage.AsSpan(0, length), out var parsed, out var payloadOffset);
            if (status == RtpParseStatus.Success)
            {
                Assert.That(payloadOffset + parsed.PayloadLength + parsed.PaddingLength, Is.EqualTo(length));
            }
        }
    }
}
