using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class PayloadTypeMapTests
{
    [Test]
    [Description("RFC 4733 §7: the telephone-event number is dynamic and differs per leg")]
    public void Telephone_event_101_becomes_96_and_the_marker_bit_survives()
    {
        var map = new PayloadTypeMap().Add(101, 96);
        var packet = new byte[16];
        new RtpHeader(101, 1, 2, 3, marker: true).Write(packet);

        Assert.That(map.TryRewrite(packet), Is.True);

        RtpHeader.TryParse(packet, out var header, out _);
        Assert.That(header.PayloadType, Is.EqualTo(96));
        Assert.That(header.Marker, Is.True);
    }

    [Test]
    public void Unmapped_types_pass_unchanged_by_default()
    {
        var map = new PayloadTypeMap().Add(101, 96);
        var packet = new byte[12];
        new RtpHeader(0, 1, 2, 3).Write(packet);

        Assert.That(map.TryRewrite(packet), Is.True);
        Assert.That(packet[1], Is.EqualTo(0));
    }

    [Test]
    public void A_strict_map_refuses_types_the_leg_did_not_negotiate()
    {
        var map = new PayloadTypeMap(dropUnmapped: true).Add(0, 0).Add(101, 96);
        var packet = new byte[12];
        new RtpHeader(97, 1, 2, 3).Write(packet);

        Assert.That(map.TryRewrite(packet), Is.False);
        Assert.That(packet[1], Is.EqualTo(97));
        Assert.That(map.TryGet(0, out var same) && same == 0, Is.True);
    }

    [Test]
    public void A_packet_shorter_than_a_header_is_refused()
    {
        Assert.That(new PayloadTypeMap().TryRewrite(new byte[11]), Is.False);
    }
}
