using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Tests.Transport;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Stack;

/// <summary>The NAT keep-alive goes out as a CRLFCRLF datagram over UDP, and over TCP only on a connection the phone holds open.</summary>
public sealed class SipStackKeepAliveTests
{
    private SipStack _stack = null!;

    [SetUp]
    public async Task StartAsync()
    {
        var options = new SipStackOptions
        {
            Transport = new SipTransportOptions { Address = IPAddress.Loopback, Port = 0 },
            Transports = [SipTransportKind.Udp, SipTransportKind.Tcp],
        };
        _stack = new SipStack(options, new AwaitingUser(), new FakeTimeProvider(), NullLoggerFactory.Instance);
        await _stack.StartAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task StopAsync() => await _stack.DisposeAsync();

    [Test, Description("RFC 5626 §4.4.1")]
    public async Task Over_udp_the_phone_gets_a_crlfcrlf_datagram_from_the_sip_port()
    {
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        _stack.SendKeepAlive(new SipEndPoint(SipTransportKind.Udp, (IPEndPoint)phone.Client.LocalEndPoint!));

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var received = await phone.ReceiveAsync(wait.Token);
        Assert.That(received.Buffer, Is.EqualTo("\r\n\r\n"u8.ToArray()));
        Assert.That(received.RemoteEndPoint.Port, Is.EqualTo(Transport(SipTransportKind.Udp).LocalEndPoint.Port));
    }

    [Test, Description("RFC 5626 §4.4.1")]
    public async Task Over_tcp_the_phone_gets_it_on_the_connection_it_opened()
    {
        using var phone = await TcpTestClient.ConnectAsync(Transport(SipTransportKind.Tcp).LocalEndPoint);
        // Until the switch has accepted the connection there is nothing to send on: try again a few times.
        for (var attempt = 0; attempt < 40 && phone.Socket.Available == 0; attempt++)
        {
            _stack.SendKeepAlive(new SipEndPoint(SipTransportKind.Tcp, phone.LocalEndPoint));
            await Task.Delay(50);
        }

        Assert.That(await phone.ReadExactlyAsync(4), Is.EqualTo("\r\n\r\n"));
    }

    [Test]
    public void Over_tcp_no_connection_is_opened_to_a_phone_that_holds_none()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        _stack.SendKeepAlive(new SipEndPoint(SipTransportKind.Tcp, (IPEndPoint)listener.LocalEndpoint));

        Assert.That(listener.Server.Poll(TimeSpan.FromMilliseconds(300), SelectMode.SelectRead), Is.False, "no connection attempt");
    }

    private ISipTransport Transport(SipTransportKind kind) => _stack.Transports.Single(t => t.Kind == kind);
}
