using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public sealed class RtcpReporterTests
{
    private const uint OurSsrc = 0x11223344;
    private const uint CallerSsrc = 0x55667788;

    private static async Task<byte[]> ReceiveAsync(UdpClient peer)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return (await peer.ReceiveAsync(wait.Token)).Buffer;
    }

    private static List<RtcpPacketType> Types(byte[] compound)
    {
        var types = new List<RtcpPacketType>();
        var reader = new RtcpCompoundReader(compound);
        while (reader.TryReadNext(out var packet) == RtcpParseStatus.Success) types.Add(packet.Type);
        return types;
    }

    private sealed class NoSink : IRtpPacketSink
    {
        public void OnRtp(ReadOnlySpan<byte> packet, SocketAddress from) { }
        public void OnRtcp(ReadOnlySpan<byte> packet, SocketAddress from) { }
    }

    [Test, Description("RFC 3550 §6.1, §6.4.1: after sending media the periodic report is an SR with a report block, then SDES CNAME")]
    public async Task A_sender_reports_periodically_with_sr_and_cname_and_says_bye_at_the_end()
    {
        var time = new FakeTimeProvider();
        await using var leg = new ReportingLeg();
        var (peer, endpoint) = (leg.Peer, leg.Endpoint);
        using var reporter = new RtcpReporter(endpoint, OurSsrc, 8000, "test@127.0.0.1", time);
        reporter.Start();
        for (ushort i = 0; i < 50; i++)
        {
            reporter.OnReceived(new RtpHeader(0, (ushort)(100 + i), (uint)(i * 160), CallerSsrc) { PayloadLength = 160 });
            reporter.OnSent((uint)(i * 160), 160);
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        time.Advance(TimeSpan.FromSeconds(8)); // the first interval is at most 1.5 × 5 s
        var report = await ReceiveAsync(peer);
        Assert.That(Types(report), Is.EqualTo(new[] { RtcpPacketType.SenderReport, RtcpPacketType.SourceDescription }));
        var reader = new RtcpCompoundReader(report);
        reader.TryReadNext(out var sr);
        Assert.That(sr.Ssrc, Is.EqualTo(OurSsrc));
        Assert.That(sr.SenderInfo.PacketCount, Is.EqualTo(50u));
        Assert.That(sr.ReportBlockCount, Is.EqualTo(1));
        Assert.That(sr.GetReportBlock(0).Ssrc, Is.EqualTo(CallerSsrc));

        reporter.Stop();
        var bye = await ReceiveAsync(peer);
        Assert.That(Types(bye), Does.Contain(RtcpPacketType.Goodbye));
    }

    [Test, Description("RFC 3550 §6.3.7: a participant that never sent an RTP or RTCP packet must not send BYE")]
    public async Task A_side_that_never_sent_media_nor_a_report_leaves_without_bye()
    {
        var time = new FakeTimeProvider();
        await using var leg = new ReportingLeg();
        var (peer, endpoint) = (leg.Peer, leg.Endpoint);
        var reporter = new RtcpReporter(endpoint, OurSsrc, 8000, "test@127.0.0.1", time);
        reporter.Start();

        reporter.Stop();

        var receive = peer.ReceiveAsync();
        Assert.That(await Task.WhenAny(receive, Task.Delay(300)), Is.Not.SameAs(receive), "nothing was sent");

        // Once it has reported, the same side does say goodbye.
        using var again = new RtcpReporter(endpoint, OurSsrc + 1, 8000, "test@127.0.0.1", time);
        again.Start();
        time.Advance(TimeSpan.FromSeconds(10));
        var report = await receive.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(Types(report.Buffer), Does.Contain(RtcpPacketType.ReceiverReport));
        again.Stop();
        var bye = await ReceiveAsync(peer);
        Assert.That(Types(bye), Does.Contain(RtcpPacketType.Goodbye));
    }

    [Test, Description("RFC 3550 A.3: a gap in the caller's sequence numbers counts as loss")]
    public void Lost_packets_of_the_caller_are_counted()
    {
        var time = new FakeTimeProvider();
        var first = FreeUdpPortRange.Find(2);
        using var allocator = new RtpPortAllocator(first, first + 1, IPAddress.Loopback);
        using var ports = allocator.Allocate();
        var endpoint = new RtpEndpoint(ports, new NoSink());
        using var reporter = new RtcpReporter(endpoint, OurSsrc, 8000, "test@127.0.0.1", time);
        for (ushort i = 0; i < 100; i++)
        {
            if (i % 10 == 5) continue; // every tenth packet never arrives
            reporter.OnReceived(new RtpHeader(0, i, (uint)(i * 160), CallerSsrc) { PayloadLength = 160 });
        }

        // A.1: the first packet only starts probation; counting begins with the second, which validates the source.
        Assert.That(reporter.PacketsReceived, Is.EqualTo(89));
        Assert.That(reporter.PacketsLost, Is.EqualTo(10));
    }

    /// <summary>A port pair whose RTCP goes to <see cref="Peer"/>, a socket the test reads.</summary>
    private sealed class ReportingLeg : IAsyncDisposable
    {
        private readonly RtpPortAllocator _allocator;
        private readonly RtpPortPair _ports;

        public ReportingLeg()
        {
            var first = FreeUdpPortRange.Find(2);
            _allocator = new RtpPortAllocator(first, first + 1, IPAddress.Loopback);
            _ports = _allocator.Allocate();
            Peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            Endpoint = new RtpEndpoint(_ports, new NoSink(), new RtpEndpointOptions { RemoteRtcp = (IPEndPoint)Peer.Client.LocalEndPoint! });
        }

        public UdpClient Peer { get; }

        public RtpEndpoint Endpoint { get; }

        public async ValueTask DisposeAsync()
        {
            await Endpoint.DisposeAsync();
            Peer.Dispose();
            _ports.Dispose();
            _allocator.Dispose();
        }
    }
}
