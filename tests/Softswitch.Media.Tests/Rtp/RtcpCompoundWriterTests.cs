using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class RtcpCompoundWriterTests
{
    [Test]
    [Description("RFC 3550 §6.4.2: RR header, length in 32-bit words minus one")]
    public void Receiver_report_header_carries_version_count_type_and_length()
    {
        var buffer = new byte[64];
        var writer = new RtcpCompoundWriter(buffer);
        writer.TryWriteReceiverReport(0x01020304, [new RtcpReportBlock(5, 0, 0, 0, 0, 0, 0)]);

        Assert.That(writer.Written, Is.EqualTo(32));
        Assert.That(buffer[..8], Is.EqualTo(new byte[] { 0x81, 201, 0, 7, 1, 2, 3, 4 }));
    }

    [Test]
    public void A_packet_that_does_not_fit_writes_nothing()
    {
        var buffer = new byte[30];
        var writer = new RtcpCompoundWriter(buffer);

        Assert.That(writer.TryWriteReceiverReport(1, []), Is.True);
        Assert.That(writer.TryWriteSenderReport(1, default, []), Is.False);
        Assert.That(writer.Written, Is.EqualTo(8));
        Assert.That(writer.TryWriteGoodbye([1]), Is.True);
        Assert.That(writer.Written, Is.EqualTo(16));
    }

    [Test]
    [Description("RFC 3550 §6.5: the item list ends with at least one null octet, padded to 32 bits")]
    public void Cname_of_a_length_needing_a_whole_null_word_still_terminates_the_chunk()
    {
        var buffer = new byte[64];
        var writer = new RtcpCompoundWriter(buffer);
        writer.TryWriteReceiverReport(1, []);
        writer.TryWriteCanonicalName(1, "ab"u8);

        Assert.That(writer.Written, Is.EqualTo(8 + 4 + 4 + 8));
        Assert.That(buffer[(8 + 8 + 4)..24], Is.EqualTo(new byte[] { 0, 0, 0, 0 }));
        Assert.That(RtcpCompoundReader.Validate(writer.WrittenSpan), Is.EqualTo(RtcpParseStatus.Success));
    }
}
