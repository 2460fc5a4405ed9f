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
        using var allocator = new RtpPortAllocator(first - 1, first + 5);

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
        using var allocator = new RtpPortAllocator(first, first + 5);

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
        using var allocator = new RtpPortAllocator(first, first + 3);
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
        using var allocator = new RtpPortAllocator(first, first + 3);

        using var pair = allocator.Allocate();

        Assert.That(pair.RtpPort, Is.EqualTo(first + 2));
        Assert.That(allocator.Available, Is.EqualTo(1), "the busy pair stays in the pool for later");
        Assert.Throws<RtpPortsExhaustedException>(() => allocator.Allocate());
    }

    [Test]
    public void Concurrent_allocations_never_hand_out_a_pair_twice()
    {
        var first = FreeUdpPortRange.Find(40);
        using var allocator = new RtpPortAllocator(first, first + 39);
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
    public async Task A_released_pair_stays_bound_for_the_next_call_and_what_arrives_between_calls_reaches_nobody()
    {
        var first = FreeUdpPortRange.Find(2);
        using var allocator = new RtpPortAllocator(first, first + 1);
        using var phone = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        phone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var sink = new CountingSink();

        var call = allocator.Allocate();
        var socket = call.RtpSocket;
        call.Dispose();
        phone.SendTo(RtpPacket(1), call.RtpEndPoint);
        await Task.Delay(100);

        using var next = allocator.Allocate();
        await using var endpoint = new RtpEndpoint(next, sink, new RtpEndpointOptions { RemoteRtp = (IPEndPoint)phone.LocalEndPoint! });
        endpoint.Start();
        Assert.That(next.RtpSocket, Is.SameAs(socket), "the same bound socket, not a new one");
        Assert.That(next.RtpSocket.IsBound, Is.True);
        phone.SendTo(RtpPacket(2), next.RtpEndPoint);

        await WaitUntilAsync(() => sink.Sequences.Count == 1);
        Assert.That(sink.Sequences, Is.EqualTo(new ushort[] { 2 }), "the packet sent while nobody held the pair was dropped");
    }

    [Test]
    public async Task A_disposed_endpoint_hears_nothing_more_and_a_disposed_allocator_frees_its_ports()
    {
        var first = FreeUdpPortRange.Find(2);
        var allocator = new RtpPortAllocator(first, first + 1);
        using var phone = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        phone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var sink = new CountingSink();
        var ports = allocator.Allocate();
        var endpoint = new RtpEndpoint(ports, sink, new RtpEndpointOptions { RemoteRtp = (IPEndPoint)phone.LocalEndPoint! });
        endpoint.Start();
        phone.SendTo(RtpPacket(1), ports.RtpEndPoint);
        await WaitUntilAsync(() => sink.Sequences.Count == 1);

        await endpoint.DisposeAsync();
        phone.SendTo(RtpPacket(2), ports.RtpEndPoint);
        await Task.Delay(100);
        Assert.That(sink.Sequences, Is.EqualTo(new ushort[] { 1 }));
        Assert.That(endpoint.Send(RtpPacket(3)), Is.False, "a disposed endpoint no longer sends from sockets another call may hold");

        ports.Dispose();
        allocator.Dispose();
        await allocator.Receivers.WaitAsync(TimeSpan.FromSeconds(5));
        using var other = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        Assert.DoesNotThrow(() => other.Bind(new IPEndPoint(IPAddress.Loopback, first)), "the pool's sockets are closed");
        Assert.Throws<ObjectDisposedException>(() => allocator.Allocate());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.That(condition(), Is.True, "not within 5 s");
    }

    private static byte[] RtpPacket(ushort sequence)
    {
        var packet = new byte[172];
        packet[0] = 0x80;
        packet[1] = 8;
        packet[2] = (byte)(sequence >> 8);
        packet[3] = (byte)sequence;
        packet[11] = 42;
        return packet;
    }

    private sealed class CountingSink : IRtpPacketSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<ushort> _sequences = new();

        public List<ushort> Sequences => [.. _sequences];

        public void OnRtp(ReadOnlySpan<byte> packet, SocketAddress from) => _sequences.Enqueue((ushort)((packet[2] << 8) | packet[3]));

        public void OnRtcp(ReadOnlySpan<byte> packet, SocketAddress from) { }
    }

    [Test]
    public void A_range_without_a_pair_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new RtpPortAllocator(20001, 20002));
    }
}
