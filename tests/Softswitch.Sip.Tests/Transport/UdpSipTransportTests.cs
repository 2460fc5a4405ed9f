using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Transport;
using static Softswitch.Sip.Tests.Transport.SipSamples;

namespace Softswitch.Sip.Tests.Transport;

public class UdpSipTransportTests
{
    private RecordingSink _sink = null!;
    private UdpSipTransport _transport = null!;
    private Socket _peer = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sink = new RecordingSink();
        _transport = await StartTransportAsync(new SipTransportOptions { Address = IPAddress.Loopback, Port = 0, MaxMessageSize = 1_000 });
        _peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    [TearDown]
    public async Task StopAsync()
    {
        _peer.Dispose();
        await _transport.DisposeAsync();
    }

    [Test]
    public void Port_zero_resolves_to_the_bound_port()
    {
        Assert.That(_transport.LocalEndPoint.Port, Is.Not.Zero);
        Assert.That(_transport.LocalEndPoint.Address, Is.EqualTo(IPAddress.Loopback));
        Assert.That(_transport.Kind, Is.EqualTo(SipTransportKind.Udp));
    }

    [Test]
    public async Task Datagram_is_delivered_once_with_its_source()
    {
        await PeerSendAsync(Options);
        await PeerSendAsync(Invite());

        var first = await _sink.NextMessageAsync();
        var second = await _sink.NextMessageAsync();

        Assert.That(first.Text, Is.EqualTo(Options));
        Assert.That(first.Source, Is.EqualTo(new SipEndPoint(SipTransportKind.Udp, (IPEndPoint)_peer.LocalEndPoint!)));
        Assert.That(first.Transport, Is.SameAs(_transport));
        Assert.That(second.Text, Is.EqualTo(Invite()), "the first datagram was not delivered twice");
        Assert.That(second.Source, Is.EqualTo(first.Source));
    }

    [Test]
    public async Task Datagrams_from_different_senders_carry_their_own_source()
    {
        using var other = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        other.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        await PeerSendAsync(Options);
        await other.SendToAsync(Bytes(Options), _transport.LocalEndPoint);

        var fromPeer = await _sink.NextMessageAsync();
        var fromOther = await _sink.NextMessageAsync();
        Assert.That(fromPeer.Source.Address, Is.EqualTo(_peer.LocalEndPoint));
        Assert.That(fromOther.Source.Address, Is.EqualTo(other.LocalEndPoint));
    }

    [Test]
    [Description("RFC 5626 §4.4.1")]
    public async Task Crlf_keep_alive_is_dropped()
    {
        await PeerSendAsync("\r\n\r\n");
        await PeerSendAsync(Options);

        var next = await _sink.NextMessageAsync();

        Assert.That(next.Text, Is.EqualTo(Options));
    }

    [Test]
    public async Task Oversized_datagram_is_a_framing_error_and_receiving_goes_on()
    {
        await PeerSendAsync(Options + new string('x', 1_200));
        await PeerSendAsync(Options);

        var error = await _sink.NextErrorAsync();
        var next = await _sink.NextMessageAsync();

        Assert.That(error.Error, Is.EqualTo(SipFramingError.MessageTooLarge));
        Assert.That(error.Source.Address, Is.EqualTo(_peer.LocalEndPoint));
        Assert.That(next.Text, Is.EqualTo(Options));
    }

    [Test]
    public async Task Send_reaches_the_peer_from_the_listening_port()
    {
        var sent = await _transport.SendAsync(Bytes(Options), (IPEndPoint)_peer.LocalEndPoint!);

        var buffer = new byte[2_048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        var received = await _peer.ReceiveFromAsync(buffer, SocketFlags.None, from).WaitAsync(RecordingSink.Patience);

        Assert.That(sent, Is.True);
        Assert.That(Text(buffer.AsSpan(0, received.ReceivedBytes)), Is.EqualTo(Options));
        Assert.That(received.RemoteEndPoint, Is.EqualTo(_transport.LocalEndPoint));
    }

    [Test]
    [Description("ICMP port unreachable must not end the receive loop")]
    public async Task Receiving_goes_on_after_sending_to_a_closed_port()
    {
        IPEndPoint closedPort;
        using (var gone = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            gone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            closedPort = (IPEndPoint)gone.LocalEndPoint!;
        }

        Assert.That(await _transport.SendAsync(Bytes(Options), closedPort), Is.True);
        Assert.That(await _transport.SendAsync(Bytes(Options), closedPort), Is.True);
        await PeerSendAsync(Invite());

        var next = await _sink.NextMessageAsync();
        Assert.That(next.Text, Is.EqualTo(Invite()));
    }

    [Test]
    public async Task A_failing_sink_does_not_stop_receiving()
    {
        _sink.ThrowAfterRecording = true;

        await PeerSendAsync(Options);
        await PeerSendAsync(Invite());

        Assert.That((await _sink.NextMessageAsync()).Text, Is.EqualTo(Options));
        Assert.That((await _sink.NextMessageAsync()).Text, Is.EqualTo(Invite()));
    }

    [Test]
    public async Task Dispose_stops_receiving_and_frees_the_port()
    {
        var endPoint = _transport.LocalEndPoint;

        await _transport.DisposeAsync().AsTask().WaitAsync(RecordingSink.Patience);
        _transport = await StartTransportAsync(new SipTransportOptions { Address = IPAddress.Loopback, Port = endPoint.Port });

        Assert.That(_transport.LocalEndPoint, Is.EqualTo(endPoint));
        await PeerSendAsync(Options);
        Assert.That((await _sink.NextMessageAsync()).Transport, Is.SameAs(_transport));
    }

    [Test]
    public async Task Send_after_dispose_returns_false()
    {
        await _transport.DisposeAsync();

        var sent = await _transport.SendAsync(Bytes(Options), (IPEndPoint)_peer.LocalEndPoint!);

        Assert.That(sent, Is.False);
    }

    private async Task<UdpSipTransport> StartTransportAsync(SipTransportOptions options)
    {
        var transport = new UdpSipTransport(options, _sink, NullLogger<UdpSipTransport>.Instance);
        await transport.StartAsync(CancellationToken.None);
        return transport;
    }

    private async Task PeerSendAsync(string text) => await _peer.SendToAsync(Bytes(text), _transport.LocalEndPoint);
}
