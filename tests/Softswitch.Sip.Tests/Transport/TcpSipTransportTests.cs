using System.Net;
using System.Net.Sockets;
using Softswitch.Sip.Transport;
using static Softswitch.Sip.Tests.Transport.SipSamples;

namespace Softswitch.Sip.Tests.Transport;

public class TcpSipTransportTests : TcpTransportFixture
{
    [Test]
    public async Task Message_written_one_byte_at_aTime_is_delivered_once()
    {
        var client = await ConnectAsync();

        await client.SendByteByByteAsync(Invite());
        await client.SendAsync(Options);

        var first = await Sink.NextMessageAsync();
        var second = await Sink.NextMessageAsync();
        Assert.That(first.Text, Is.EqualTo(Invite()));
        Assert.That(first.Source, Is.EqualTo(new SipEndPoint(SipTransportKind.Tcp, client.LocalEndPoint)));
        Assert.That(second.Text, Is.EqualTo(Options), "the INVITE was delivered only once");
    }

    [Test]
    public async Task Two_messages_in_one_write_are_two_deliveries()
    {
        var client = await ConnectAsync();

        await client.SendAsync(Options + Invite());

        Assert.That((await Sink.NextMessageAsync()).Text, Is.EqualTo(Options));
        Assert.That((await Sink.NextMessageAsync()).Text, Is.EqualTo(Invite()));
    }

    [Test]
    public async Task Message_larger_than_the_first_receive_buffer_is_delivered()
    {
        var client = await ConnectAsync();
        var large = Invite("Subject: " + new string('s', 20_000) + "\r\nContent-Length: {0}");

        await client.SendAsync(large);

        Assert.That((await Sink.NextMessageAsync()).Text, Is.EqualTo(large));
    }

    [Test]
    [Description("RFC 5626 §4.4.1")]
    public async Task Ping_is_answered_with_pong_and_stray_line_breaks_are_skipped()
    {
        var client = await ConnectAsync();

        await client.SendAsync("\r\n\r\n");
        var pong = await client.ReadExactlyAsync(2);
        await client.SendAsync("\r\n" + Options);

        Assert.That(pong, Is.EqualTo("\r\n"));
        Assert.That((await Sink.NextMessageAsync()).Text, Is.EqualTo(Options));
    }

    [Test]
    [Description("RFC 3261 §18.2.2")]
    public async Task Response_to_the_source_goes_back_on_the_same_connection()
    {
        var client = await ConnectAsync();
        await client.SendAsync(Invite());
        var request = await Sink.NextMessageAsync();

        var sent = await Transport.SendAsync(Bytes(Options), request.Source.Address);

        Assert.That(sent, Is.True);
        Assert.That(await client.ReadMessageAsync(), Is.EqualTo(Options));
        Assert.That(Transport.ConnectionCount, Is.EqualTo(1));
    }

    [Test]
    [Description("RFC 3261 §18.2.2")]
    public async Task Send_on_open_connection_uses_the_connection_the_request_came_on()
    {
        var client = await ConnectAsync();
        await client.SendAsync(Invite());
        var request = await Sink.NextMessageAsync();

        Assert.That(await Transport.SendOnOpenConnectionAsync(Bytes(Options), request.Source.Address), Is.True);
        Assert.That(await client.ReadMessageAsync(), Is.EqualTo(Options));
    }

    [Test]
    [Description("RFC 3261 §18.2.2: a response never opens a connection to the peer's ephemeral port")]
    public async Task Send_on_open_connection_fails_at_once_and_never_connects()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();

        var sending = Transport.SendOnOpenConnectionAsync(Bytes(Options), (IPEndPoint)listener.LocalEndPoint!);

        Assert.That(sending.IsCompleted, Is.True);
        Assert.That(await sending, Is.False);
        Assert.That(listener.Poll(TimeSpan.FromMilliseconds(100), SelectMode.SelectRead), Is.False, "no connection attempt");
        Assert.That(Transport.ConnectionCount, Is.Zero);
    }

    [Test]
    public async Task Send_to_a_listener_without_a_connection_opens_one_and_reuses_it()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var listenerEndPoint = (IPEndPoint)listener.LocalEndPoint!;

        var sent = await Transport.SendAsync(Bytes(Invite()), listenerEndPoint);
        var peer = Track(new TcpTestClient(await listener.AcceptAsync().WaitAsync(RecordingSink.Patience)));
        var again = await Transport.SendAsync(Bytes(Options), listenerEndPoint);

        Assert.That(sent, Is.True);
        Assert.That(again, Is.True);
        Assert.That(await peer.ReadMessageAsync(), Is.EqualTo(Invite()));
        Assert.That(await peer.ReadMessageAsync(), Is.EqualTo(Options), "second send used the same connection");
        Assert.That(Transport.ConnectionCount, Is.EqualTo(1));

        // The opened connection is read too: the peer's answer reaches the sink.
        await peer.SendAsync(Options);
        var answer = await Sink.NextMessageAsync();
        Assert.That(answer.Source, Is.EqualTo(new SipEndPoint(SipTransportKind.Tcp, listenerEndPoint)));
    }

    [Test]
    public async Task Send_to_a_closed_port_returns_false()
    {
        IPEndPoint closedPort;
        using (var gone = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            gone.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            closedPort = (IPEndPoint)gone.LocalEndPoint!;
        }

        var sent = await Transport.SendAsync(Bytes(Options), closedPort);

        Assert.That(sent, Is.False);
        Assert.That(Transport.ConnectionCount, Is.Zero);
    }

    [Test]
    public async Task Connect_that_does_not_complete_gives_up_after_the_connectTimeout()
    {
        // A listener that never accepts, with its accept queue filled, leaves further handshakes unanswered.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var stuck = (IPEndPoint)listener.LocalEndPoint!;
        var filler = Track(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        await filler.ConnectAsync(stuck).WaitAsync(RecordingSink.Patience);

        var send = Transport.SendAsync(Bytes(Options), stuck).AsTask();
        await Task.Delay(20);
        Assert.That(send.IsCompleted, Is.False, "the handshake is pending");

        Time.Advance(new SipTransportOptions().TcpConnectTimeout);

        Assert.That(await send.WaitAsync(RecordingSink.Patience), Is.False);
        Assert.That(Transport.ConnectionCount, Is.Zero);
    }

    [Test]
    public async Task Concurrent_sends_on_one_connection_never_interleave()
    {
        var client = await ConnectAsync();
        await client.SendAsync(Options);
        var source = (await Sink.NextMessageAsync()).Source.Address;
        var large = Invite("Subject: " + new string('s', 30_000) + "\r\nContent-Length: {0}");

        var sends = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () => await Transport.SendAsync(Bytes(i % 2 == 0 ? large : Options), source)));
        var results = await Task.WhenAll(sends).WaitAsync(RecordingSink.Patience);

        Assert.That(results, Is.All.True);
        for (int i = 0; i < 20; i++)
        {
            Assert.That(await client.ReadMessageAsync(), Is.EqualTo(large).Or.EqualTo(Options));
        }
    }

    [Test]
    public async Task Idle_connection_closes_after_theTimeout_and_traffic_postpones_it()
    {
        var client = await ConnectAsync();
        await client.SendAsync(Options);
        await Sink.NextMessageAsync();

        Time.Advance(IdleTimeout - TimeSpan.FromMinutes(4));
        await client.SendAsync(Invite());
        await Sink.NextMessageAsync();
        Time.Advance(TimeSpan.FromMinutes(5));
        await client.SendAsync("\r\n\r\n");
        Assert.That(await client.ReadExactlyAsync(2), Is.EqualTo("\r\n"), "traffic six minutes in reset the idle clock");

        Time.Advance(IdleTimeout);
        Assert.That(await client.WaitForCloseAsync(), Is.True);
    }

    [Test]
    public async Task Oversized_message_is_a_framing_error_then_the_connection_closes()
    {
        await RestartAsync(options => options.MaxMessageSize = 1_000);
        var client = await ConnectAsync();

        await client.SendAsync(Invite("Subject: " + new string('s', 2_000) + "\r\nContent-Length: {0}"));

        var error = await Sink.NextErrorAsync();
        Assert.That(error.Error, Is.EqualTo(SipFramingError.MessageTooLarge));
        Assert.That(error.Source.Address, Is.EqualTo(client.LocalEndPoint));
        Assert.That(await client.WaitForCloseAsync(), Is.True);
        Assert.That(Sink.HasPendingMessage, Is.False);
    }

    [Test]
    [Description("RFC 3261 §18.3")]
    public async Task Missing_content_length_is_a_framing_error_then_the_connection_closes()
    {
        var client = await ConnectAsync();

        await client.SendAsync("OPTIONS sip:127.0.0.1 SIP/2.0\r\nCSeq: 1 OPTIONS\r\n\r\n");

        Assert.That((await Sink.NextErrorAsync()).Error, Is.EqualTo(SipFramingError.BadContentLength));
        Assert.That(await client.WaitForCloseAsync(), Is.True);
    }

    [Test]
    public async Task Connections_beyond_the_limit_are_refused()
    {
        await RestartAsync(options => options.MaxTcpConnections = 1);

        var first = await ConnectAsync();
        await first.SendAsync(Options);
        await Sink.NextMessageAsync();
        var second = await ConnectAsync();

        Assert.That(await second.WaitForCloseAsync(), Is.True);
        await first.SendAsync(Invite());
        Assert.That((await Sink.NextMessageAsync()).Text, Is.EqualTo(Invite()), "the first connection is untouched");
        Assert.That(Transport.ConnectionCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Dispose_closes_connections_and_frees_the_port()
    {
        var client = await ConnectAsync();
        await client.SendAsync(Options);
        await Sink.NextMessageAsync();
        var endPoint = Transport.LocalEndPoint;

        await Transport.DisposeAsync().AsTask().WaitAsync(RecordingSink.Patience);

        Assert.That(Transport.ConnectionCount, Is.Zero);
        Assert.That(await client.WaitForCloseAsync(), Is.True);
        var options = DefaultOptions();
        options.Port = endPoint.Port;
        Transport = await StartTransportAsync(options);
        Assert.That(Transport.LocalEndPoint, Is.EqualTo(endPoint));
    }
}
