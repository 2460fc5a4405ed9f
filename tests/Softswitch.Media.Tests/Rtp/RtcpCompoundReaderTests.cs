using System.Text;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class RtcpCompoundReaderTests
{
    private static readonly RtcpReportBlock s_block = new(
        Ssrc: 0x1111_2222, FractionLost: 64, CumulativeLost: -5, ExtendedHighestSequence: 0x0001_0005,
        Jitter: 37, LastSenderReport: 0xABCD_1234, DelaySinceLastSenderReport: 65536);

    [Test]
    [Description("RFC 3550 §6.1, §6.4.1, §6.5, §6.6")]
    public void Sr_sdes_and_bye_compound_round_trips()
    {
        var buffer = new byte[512];
        var writer = new RtcpCompoundWriter(buffer);
        var info = new RtcpSenderInfo(NtpTimestamp.FromParts(3_900_000_000, 0x8000_0000), 160_000, 1000, 160_000);
        Assert.That(writer.TryWriteSenderReport(0xCAFE_0001, info, [s_block, s_block with { Ssrc = 9, CumulativeLost = 1_000 }]), Is.True);
        Assert.That(writer.TryWriteCanonicalName(0xCAFE_0001, "softswitch@127.0.0.1"u8), Is.True);
        Assert.That(writer.TryWriteGoodbye([0xCAFE_0001], "hangup"u8), Is.True);
        var compound = writer.WrittenSpan.ToArray();

        Assert.That(compound.Length % 4, Is.EqualTo(0));
        Assert.That(RtcpCompoundReader.Validate(compound), Is.EqualTo(RtcpParseStatus.Success));
        var reader = new RtcpCompoundReader(compound);

        Assert.That(reader.TryReadNext(out var sr), Is.EqualTo(RtcpParseStatus.Success));
        Assert.That(sr.Type, Is.EqualTo(RtcpPacketType.SenderReport));
        Assert.That(sr.Ssrc, Is.EqualTo(0xCAFE_0001));
        Assert.That(sr.SenderInfo, Is.EqualTo(info));
        Assert.That(sr.ReportBlockCount, Is.EqualTo(2));
        Assert.That(sr.GetReportBlock(0), Is.EqualTo(s_block));
        Assert.That(sr.GetReportBlock(1).CumulativeLost, Is.EqualTo(1_000));

        Assert.That(reader.TryReadNext(out var sdes), Is.EqualTo(RtcpParseStatus.Success));
        Assert.That(sdes.TryGetCanonicalName(out var cnameSsrc, out var cname), Is.True);
        Assert.That(cnameSsrc, Is.EqualTo(0xCAFE_0001));
        Assert.That(Encoding.UTF8.GetString(cname), Is.EqualTo("softswitch@127.0.0.1"));

        Assert.That(reader.TryReadNext(out var bye), Is.EqualTo(RtcpParseStatus.Success));
        Assert.That(bye.Type, Is.EqualTo(RtcpPacketType.Goodbye));
        Assert.That(bye.GetGoodbyeSsrc(0), Is.EqualTo(0xCAFE_0001));
        Assert.That(Encoding.UTF8.GetString(bye.GoodbyeReason), Is.EqualTo("hangup"));

        Assert.That(reader.TryReadNext(out _), Is.EqualTo(RtcpParseStatus.End));
    }

    [Test]
    [Description("RFC 3550 §6.4.2")]
    public void Empty_receiver_report_then_sdes_round_trips()
    {
        var buffer = new byte[64];
        var writer = new RtcpCompoundWriter(buffer);
        writer.TryWriteReceiverReport(77, []);
        writer.TryWriteCanonicalName(77, "abc"u8);
        var reader = new RtcpCompoundReader(writer.WrittenSpan);

        Assert.That(reader.TryReadNext(out var rr), Is.EqualTo(RtcpParseStatus.Success));
        Assert.That((rr.Type, rr.Ssrc, rr.ReportBlockCount), Is.EqualTo((RtcpPacketType.ReceiverReport, 77u, 0)));
        Assert.That(rr.Raw.Length, Is.EqualTo(8));
        Assert.That(reader.TryReadNext(out var sdes), Is.EqualTo(RtcpParseStatus.Success));
        Assert.That(sdes.Raw.Length, Is.EqualTo(4 + 4 + 8), "CNAME item of 5 bytes padded with nulls to 8");
    }

    [Test]
    [Description("RFC 3550 §6.1: the first packet of a compound is SR or RR")]
    public void A_compound_that_starts_with_sdes_is_refused_unless_reduced_size_is_allowed()
    {
        var buffer = new byte[64];
        var writer = new RtcpCompoundWriter(buffer);
        writer.TryWriteCanonicalName(1, "x"u8);

        Assert.That(RtcpCompoundReader.Validate(writer.WrittenSpan), Is.EqualTo(RtcpParseStatus.FirstPacketNotReport));
        Assert.That(RtcpCompoundReader.Validate(writer.WrittenSpan, allowReducedSize: true), Is.EqualTo(RtcpParseStatus.Success));
    }

    [TestCase(new byte[] { 0x80, 201 }, RtcpParseStatus.TooShort)]
    [TestCase(new byte[] { 0x40, 201, 0, 1, 0, 0, 0, 1 }, RtcpParseStatus.BadVersion)]
    [TestCase(new byte[] { 0x80, 201, 0, 5, 0, 0, 0, 1 }, RtcpParseStatus.BadLength)]
    [TestCase(new byte[] { 0x81, 201, 0, 1, 0, 0, 0, 1 }, RtcpParseStatus.TruncatedReport)]
    [TestCase(new byte[] { 0x80, 200, 0, 1, 0, 0, 0, 1 }, RtcpParseStatus.TruncatedReport)]
    [TestCase(new byte[] { 0xA0, 201, 0, 1, 0, 0, 0, 0 }, RtcpParseStatus.BadPadding)]
    [TestCase(new byte[] { 0x80, 201, 0, 1, 0, 0, 0, 1, 0x81, 202, 0, 1, 0, 0, 0, 1 }, RtcpParseStatus.MalformedSourceDescription)]
    [TestCase(new byte[] { 0x80, 201, 0, 1, 0, 0, 0, 1, 0x81, 202, 0, 2, 0, 0, 0, 1, 1, 9, 0, 0 }, RtcpParseStatus.MalformedSourceDescription)]
    [TestCase(new byte[] { 0x80, 201, 0, 1, 0, 0, 0, 1, 0x82, 203, 0, 1, 0, 0, 0, 1 }, RtcpParseStatus.MalformedGoodbye)]
    [TestCase(new byte[] { 0x80, 201, 0, 1, 0, 0, 0, 1, 0x81, 203, 0, 2, 0, 0, 0, 1, 9, 0, 0, 0 }, RtcpParseStatus.MalformedGoodbye)]
    [TestCase(new byte[] { 0xA0, 201, 0, 1, 0, 0, 0, 4, 0x80, 203, 0, 0 }, RtcpParseStatus.BadPadding)]
    [Description("RFC 3550 Appendix A.2")]
    public void Invalid_compounds_are_refused_with_a_status(byte[] compound, RtcpParseStatus expected)
    {
        Assert.That(RtcpCompoundReader.Validate(compound), Is.EqualTo(expected));
    }

    [Test]
    public void Padding_on_the_last_packet_is_removed_from_its_body()
    {
        byte[] compound = [0x80, 201, 0, 1, 0, 0, 0, 1, 0xA0, 204, 0, 2, 1, 2, 3, 4, 0, 0, 0, 4];
        var reader = new RtcpCompoundReader(compound);
        reader.TryReadNext(out _);

        Assert.That(reader.TryReadNext(out var app), Is.EqualTo(RtcpParseStatus.Success));
        Assert.That(app.Type, Is.EqualTo(RtcpPacketType.ApplicationDefined));
        Assert.That(app.Body.ToArray(), Is.EqualTo(new byte[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void Every_truncation_and_random_garbage_never_throws()
    {
        var buffer = new byte[256];
        var writer = new RtcpCompoundWriter(buffer);
        writer.TryWriteSenderReport(1, default, [s_block]);
        writer.TryWriteCanonicalName(1, "user@host"u8);
        writer.TryWriteGoodbye([1, 2], "bye"u8);
        var compound = writer.WrittenSpan.ToArray();
        for (var length = 0; length <= compound.Length; length++)
        {
            Assert.DoesNotThrow(() => ReadAll(compound.AsSpan(0, length)));
        }

        var random = new Random(550);
        var garbage = new byte[96];
        for (var i = 0; i < 10_000; i++)
        {
            random.NextBytes(garbage);
            garbage[0] = (byte)(0x80 | (garbage[0] & 0x3F));
            garbage[1] = (byte)(200 + (garbage[1] % 8));
            Assert.DoesNotThrow(() => ReadAll(garbage.AsSpan(0, random.Next(garbage.Length + 1))));
        }
    }

    private static void ReadAll(ReadOnlySpan<byte> compound)
    {
        var reader = new RtcpCompoundReader(compound, allowReducedSize: true);
        while (reader.TryReadNext(out var packet) == RtcpParseStatus.Success)
        {
            for (var i = 0; i < packet.ReportBlockCount; i++)
            {
                packet.GetReportBlock(i);
            }

            if (packet.Type == RtcpPacketType.SenderReport)
            {
                _ = packet.SenderInfo;
            }

            if (packet.Type == RtcpPacketType.SourceDescription)
            {
                var sdes = packet.GetSourceDescription();
                while (sdes.TryReadNext(out _))
                {
                }
            }

            if (packet.Type == RtcpPacketType.Goodbye)
            {
                for (var i = 0; i < packet.Count; i++)
                {
                    packet.GetGoodbyeSsrc(i);
                }

                _ = packet.GoodbyeReason;
            }
        }
    }
}
