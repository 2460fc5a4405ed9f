using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class RtcpReportBlockTests
{
    [TestCase(-1)]
    [TestCase(-3)]
    [TestCase(RtcpReportBlock.MinCumulativeLost)]
    [TestCase(RtcpReportBlock.MaxCumulativeLost)]
    [TestCase(0)]
    [Description("RFC 3550 §6.4.1: cumulative number of packets lost is a signed 24-bit integer")]
    public void Cumulative_loss_round_trips_as_24_bit_signed(int lost)
    {
        var block = new RtcpReportBlock(1, 255, lost, 2, 3, 4, 5);
        var bytes = new byte[RtcpReportBlock.Length];
        block.Write(bytes);

        Assert.That(RtcpReportBlock.Read(bytes), Is.EqualTo(block));
    }

    [Test]
    public void Negative_one_is_written_as_all_ones_after_the_fraction()
    {
        var bytes = new byte[RtcpReportBlock.Length];
        new RtcpReportBlock(0, 0x10, -1, 0, 0, 0, 0).Write(bytes);

        Assert.That(bytes[4..8], Is.EqualTo(new byte[] { 0x10, 0xFF, 0xFF, 0xFF }));
    }

    [Test]
    public void Loss_beyond_24_bits_is_clamped()
    {
        var bytes = new byte[RtcpReportBlock.Length];
        new RtcpReportBlock(0, 0, 20_000_000, 0, 0, 0, 0).Write(bytes);

        Assert.That(RtcpReportBlock.Read(bytes).CumulativeLost, Is.EqualTo(RtcpReportBlock.MaxCumulativeLost));
    }
}
