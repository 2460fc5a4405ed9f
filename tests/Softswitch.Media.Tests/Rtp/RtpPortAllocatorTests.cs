using System.Net;
using System.Net.Sockets;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class RtpPortAllocatorTests
{
    [Test]
    [Description("RFC 3550 §11: RTP on an even port, RTCP on the next odd one")]
    public void Pairs_are_an_even_rtp_port_and_the_odd_rtcp_port_above_it_both_bound()
    {
        var first = FreeUdpPortRange.Find(6);
        var allocator = new RtpPortAllocator(first - 1, first + 5);

        using var pair = allocator.Allocate();

        Assert.That(pair.RtpPort, Is.EqualTo(first), "an odd port_min starts at the next even port");
        Assert.That(pair.RtcpPort, Is.EqualTo(first + 1));
        Assert.That(pair.RtpPort % 2, Is.EqualTo(0));
        Assert.That(pair.RtpSocket.IsBound && pair.RtcpSocket.IsBound, Is.True);
        Assert.That(pair.RtpEndPoint.Address, Is.EqualTo(IPAddress.Loopback));
        Assert.That(allocator.Capacity, Is.EqualTo(3));
        Assert.That(allocator.Available, Is.EqualTo(2));
    }

    [Test]
    public void Released_pairs_go_to_the_back_of_the_queue_and_are_not_reused_at_once()
    {
        var first = FreeUdpPortRange.Find(6);
        var allocator = new RtpPortAllocator(first, first + 5);

        var a = allocator.Allocate();
        var aPort = a.RtpPort;
        a.Dispose();
        a.Dispose();
        using var b = allocator.Allocate();
        using var c = allocator.Allocate();
        using var d = allocator.Allocate();

        Assert.That(new[] { b.RtpPort, c.RtpPort, d.RtpPort }, Is.EqualTo(new[] { first + 2, first + 4, aPort }));
        Assert.That(a.IsDisposed, Is.True);
    }

    [Test]
    public void An_exhausted_range_throws_a_clear_exception_and_recovers_after_a_release()
    {
        var first = FreeUdpPortRange.Find(4);
        var allocator = new RtpPortAllocator(first, first + 3);
        var a = allocator.Allocate();
        using var b = allocator.Allocate();

        var exception = Assert.Throws<RtpPortsExhaustedException>(() => allocator.Allocate());
        Assert.That(exception!.Message, Does.Contain($"{first}-{first + 3}").And.Contain("port_max"));
        Assert.That(allocator.TryAllocate(out _), Is.False);

        a.Dispose();
        using var again = allocator.Allocate();
        Assert.That(again.RtpPort, Is.EqualTo(first));
    }

    [Test]
    public void A_pair_whose_rtcp_port_another_socket_holds_is_skipped()
    {
        var first = FreeUdpPortRange.Find(4);
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, first + 1));
        var allocator = new RtpPortAllocator(first, first + 3);

        using var pair = allocator.Allocate();

        Assert.That(pair.RtpPort, Is.EqualTo(first + 2));
        Assert.That(allocator.Available, Is.EqualTo(1), "the busy pair stays in the pool for later");
        Assert.Throws<RtpPortsExhaustedException>(() => allocator.Allocate());
    }

    [Test]
    public void Concurrent_allocations_never_hand_out_a_pair_twice()
    {
        var first = FreeUdpPortRange.Find(40);
        var allocator = new RtpPortAllocator(first, first + 39);
        var pairs = new RtpPortPair[20];

        Parallel.For(0, pairs.Length, i => pairs[i] = allocator.Allocate());

        Assert.That(pairs.Select(p => p.RtpPort).Distinct().Count(), Is.EqualTo(20));
        foreach (var pair in pairs)
        {
            pair.Dispose();
        }

        Assert.That(allocator.Available, Is.EqualTo(20));
    }

    [Test]
    public void A_range_without_a_pair_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new RtpPortAllocator(20001, 20002));
    }
}
