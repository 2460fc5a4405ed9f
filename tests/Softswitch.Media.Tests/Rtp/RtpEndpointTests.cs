using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public class RtpEndpointTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);
    private RtpPortAllocator _allocator = null!;
    private RtpPortPair _ports = null!;
    private RecordingSink _sink = null!;
    private readonly List<Socket> _sockets = [];

    [SetUp]
    public void SetUp()
    {
        var first = FreeUdpPortRange.Find(4);
        _allocator = new RtpPortAllocator(first, first + 3);
        _ports = _allocator.Allocate();
        _sink = new RecordingSink();
    }

    [TearDown]
    public void TearDown()
    {
        _ports.Dispose();
        _allocator.Dispose();
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
    }

    [Test]
    [Description("RFC 4961: symmetric RTP with latching after N packets")]
    public async Task Media_moves_to_a_new_sender_after_n_packets_but_not_after_one_spoofed_packet()
    {
        var phone = Udp();
        var natted = Udp();
        await using var endpoint = new RtpEndpoint(_ports, _sink, new RtpEndpointOptions
        {
            RemoteRtp = (IPEndPoint)phone.LocalEndPoint!,
            LatchAfterPackets = 3,
            RelatchAfter = TimeSpan.Zero, // plain symmetric RTP: the strict rule has its own tests
        });
        endpoint.Start();

        SendRtp(phone, sequence: 1, ssrc: 42);
        Assert.That(await _sink.NextRtpSequenceAsync(), Is.EqualTo(1));

        SendRtp(natted, sequence: 900, ssrc: 42);
        SendRtp(phone, sequence: 2, ssrc: 42);
        Assert.That(await _sink.NextRtpSequenceAsync(), Is.EqualTo(2), "the single spoofed packet was dropped");
        Assert.That(endpoint.Send(RtpPacket(7, 1)), Is.True);
        Assert.That(await ReceiveSequenceAsync(phone), Is.EqualTo(7), "still sending to the SDP address");

        SendRtp(natted, sequence: 3, ssrc: 42);
        SendRtp(natted, sequence: 4, ssrc: 42);
        SendRtp(natted, sequence: 5, ssrc: 42);
        Assert.That(await _sink.NextRtpSequenceAsync(), Is.EqualTo(5), "delivered from the packet that completed the latch");
        Assert.That(endpoint.LatchCount, Is.EqualTo(1));
        Assert.That(endpoint.RemoteRtpEndPoint, Is.EqualTo(natted.LocalEndPoint));

        Assert.That(endpoint.Send(RtpPacket(8, 1)), Is.True);
        Assert.That(await ReceiveSequenceAsync(natted), Is.EqualTo(8));
        Assert.That(endpoint.PacketsDropped, Is.EqualTo(3));
    }

    [Test]
    [Description("RFC 3550 §11: RTCP on the odd port; here it follows the latched source's SSRC")]
    public async Task Rtcp_is_accepted_from_the_latched_source_ssrc_and_answered_there()
    {
        var rtp = Udp();
        var rtcp = Udp();
        var stranger = Udp();
        await using var endpoint = new RtpEndpoint(_ports, _sink, new RtpEndpointOptions { LatchAfterPackets = 1 });
        endpoint.Start();
        SendRtp(rtp, 1, ssrc: 42);
        await _sink.NextRtpSequenceAsync();

        stranger.SendTo(ReceiverReport(ssrc: 9), _ports.RtcpEndPoint);
        rtcp.SendTo(ReceiverReport(ssrc: 42), _ports.RtcpEndPoint);
        var received = await _sink.Rtcp.Reader.ReadAsync().AsTask().WaitAsync(s_timeout);

        Assert.That(received.From, Is.EqualTo(rtcp.LocalEndPoint));
        Assert.That(endpoint.RemoteRtcpEndPoint, Is.EqualTo(rtcp.LocalEndPoint));
        Assert.That(endpoint.SendRtcp(ReceiverReport(ssrc: 1)), Is.True);
        var buffer = new byte[64];
        using var cancel = new CancellationTokenSource(s_timeout);
        var length = await rtcp.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
        Assert.That(length, Is.EqualTo(8));
    }

    [Test]
    [Description("Asterisk strictrtp: a third address cannot inject audio into a live call")]
    public async Task Rtp_from_another_host_is_dropped_counted_and_not_answered_while_the_phone_is_live()
    {
        var phone = Udp();
        var attacker = Udp(IPAddress.Parse("127.0.0.2"));
        await using var endpoint = await StartHeardAsync(phone, TimeSpan.FromSeconds(30));

        for (ushort i = 0; i < 100; i++)
        {
            SendRtp(attacker, sequence: (ushort)(1000 + i), ssrc: 42);
        }

        SendRtp(phone, sequence: 2, ssrc: 42);
        Assert.That(await _sink.NextRtpSequenceAsync(), Is.EqualTo(2), "the phone's next packet is the next one delivered");
        await WaitUntilAsync(() => endpoint.OtherSourcePacketsDropped == 100);
        Assert.That(endpoint.LatchCount, Is.Zero);
        Assert.That(endpoint.RemoteRtpEndPoint, Is.EqualTo(phone.LocalEndPoint));
        Assert.That(endpoint.Send(RtpPacket(7, 1)), Is.True);
        Assert.That(await ReceiveSequenceAsync(phone), Is.EqualTo(7));
        Assert.That(attacker.Available, Is.Zero, "nothing was sent to the attacker");
    }

    [Test]
    public async Task A_third_host_cannot_win_a_call_whose_phone_has_not_spoken_yet()
    {
        var sdpAddress = Udp();
        var natted = Udp(); // the phone's real source: same host as its SIP, another port than its SDP
        var attacker = Udp(IPAddress.Parse("127.0.0.2"));
        await using var endpoint = new RtpEndpoint(_ports, _sink, new RtpEndpointOptions
        {
            RemoteRtp = (IPEndPoint)sdpAddress.LocalEndPoint!,
            SignallingHost = IPAddress.Loopback,
        });
        endpoint.Start();

        for (ushort i = 0; i < 100; i++)
        {
            SendRtp(attacker, sequence: i, ssrc: 66);
        }

        await WaitUntilAsync(() => endpoint.OtherSourcePacketsDropped == 100);
        Assert.That(_sink.Received.Reader.TryRead(out _), Is.False, "nothing of the attacker's was delivered");
        for (ushort i = 1; i <= 3; i++)
        {
            SendRtp(natted, i, ssrc: 42);
        }

        Assert.That(await _sink.NextRtpSequenceAsync(), Is.EqualTo(3));
        Assert.That(endpoint.RemoteRtpEndPoint, Is.EqualTo(natted.LocalEndPoint));
    }

    [Test]
    public async Task Rtcp_with_the_phones_ssrc_from_another_host_is_dropped()
    {
        var phone = Udp();
        var attacker = Udp(IPAddress.Parse("127.0.0.2"));
        await using var endpoint = await StartHeardAsync(phone, RtpEndpointOptions.DefaultRelatchAfter);

        attacker.SendTo(ReceiverReport(ssrc: 42), _ports.RtcpEndPoint);
        await WaitUntilAsync(() => endpoint.OtherSourcePacketsDropped == 1);

        Assert.That(_sink.Rtcp.Reader.TryRead(out _), Is.False);
        Assert.That(endpoint.RemoteRtcpEndPoint!.Address, Is.EqualTo(IPAddress.Loopback));
    }

    [Test]
    public async Task A_phone_silent_longer_than_the_relatch_time_can_be_heard_again_from_a_new_address()
    {
        var phone = Udp();
        var moved = Udp(IPAddress.Parse("127.0.0.2"));
        await using var endpoint = await StartHeardAsync(phone, TimeSpan.FromMilliseconds(200));

        await Task.Delay(300);
        for (ushort i = 2; i <= 4; i++)
        {
            SendRtp(moved, i, ssrc: 42);
        }

        Assert.That(await _sink.NextRtpSequenceAsync(), Is.EqualTo(4), "the third packet of the run latched");
        Assert.That(endpoint.RemoteRtpEndPoint, Is.EqualTo(moved.LocalEndPoint));
    }

    [Test]
    public async Task Garbage_on_the_rtp_port_is_dropped_and_the_loop_keeps_receiving()
    {
        var phone = Udp();
        await using var endpoint = new RtpEndpoint(_ports, _sink, new RtpEndpointOptions
        {
            RemoteRtp = (IPEndPoint)phone.LocalEndPoint!,
        });
        endpoint.Start();

        phone.SendTo(new byte[] { 1, 2, 3 }, _ports.RtpEndPoint);
        SendRtp(phone, 11, 5);

        Assert.That(await _sink.NextRtpSequenceAsync(), Is.EqualTo(11));
        Assert.That(endpoint.PacketsDropped, Is.EqualTo(1));
        Assert.That(endpoint.RtpPacketsReceived, Is.EqualTo(1));
    }

    [Test]
    public void Without_a_remote_nothing_is_sent()
    {
        var endpoint = new RtpEndpoint(_ports, _sink);

        Assert.That(endpoint.Send(RtpPacket(1, 1)), Is.False);
    }

    private Socket Udp(IPAddress? address = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address ?? IPAddress.Loopback, 0));
        _sockets.Add(socket);
        return socket;
    }

    private void SendRtp(Socket from, ushort sequence, uint ssrc) => from.SendTo(RtpPacket(sequence, ssrc), _ports.RtpEndPoint);

    private static byte[] RtpPacket(ushort sequence, uint ssrc)
    {
        var packet = new byte[12 + 160];
        new RtpHeader(0, sequence, sequence * 160u, ssrc).Write(packet);
        return packet;
    }

    private static byte[] ReceiverReport(uint ssrc)
    {
        var buffer = new byte[8];
        var writer = new RtcpCompoundWriter(buffer);
        writer.TryWriteReceiverReport(ssrc, []);
        return buffer;
    }

    /// <summary>An endpoint whose SDP names <paramref name="phone"/>, started, with the phone's first packet (SSRC 42, sequence 1) delivered.</summary>
    private async Task<RtpEndpoint> StartHeardAsync(Socket phone, TimeSpan relatchAfter)
    {
        var endpoint = new RtpEndpoint(_ports, _sink, new RtpEndpointOptions { RemoteRtp = (IPEndPoint)phone.LocalEndPoint!, RelatchAfter = relatchAfter });
        endpoint.Start();
        SendRtp(phone, sequence: 1, ssrc: 42);
        Assert.That(await _sink.NextRtpSequenceAsync(), Is.EqualTo(1));
        return endpoint;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "timed out waiting for the endpoint");
            await Task.Delay(10);
        }
    }

    private static async Task<ushort> ReceiveSequenceAsync(Socket socket)
    {
        var buffer = new byte[2048];
        using var cancel = new CancellationTokenSource(s_timeout);
        var length = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
        Assert.That(RtpHeader.TryParse(buffer.AsSpan(0, length), out var header, out _), Is.EqualTo(RtpParseStatus.Success));
        return header.SequenceNumber;
    }

    private sealed class RecordingSink : IRtpPacketSink
    {
        public Channel<(byte[] Packet, IPEndPoint From)> Received { get; } = Channel.CreateUnbounded<(byte[], IPEndPoint)>();

        public Channel<(byte[] Packet, IPEndPoint From)> Rtcp { get; } = Channel.CreateUnbounded<(byte[], IPEndPoint)>();

        public void OnRtp(ReadOnlySpan<byte> packet, SocketAddress from) => Received.Writer.TryWrite((packet.ToArray(), ToEndPoint(from)));

        public void OnRtcp(ReadOnlySpan<byte> packet, SocketAddress from) => Rtcp.Writer.TryWrite((packet.ToArray(), ToEndPoint(from)));

        public async Task<ushort> NextRtpSequenceAsync()
        {
            var (packet, _) = await Received.Reader.ReadAsync().AsTask().WaitAsync(s_timeout);
            RtpHeader.TryParse(packet, out var header, out _);
            return header.SequenceNumber;
        }

        private static IPEndPoint ToEndPoint(SocketAddress address) => (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(address);
    }
}
