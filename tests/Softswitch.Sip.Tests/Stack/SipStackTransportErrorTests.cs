using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Tests.Transport;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;
using static Softswitch.Sip.Tests.Transactions.Messages;

namespace Softswitch.Sip.Tests.Stack;

/// <summary>
/// The whole path on real sockets: a transport failure reaches the transaction and the TU. The clock is fake and
/// never advanced, so Timer B, F and H cannot be what ends a transaction here: only the failure can.
/// </summary>
public sealed class SipStackTransportErrorTests
{
    private readonly List<IDisposable> _disposables = [];
    private AwaitingUser _user = null!;
    private SipStack _stack = null!;

    private TcpSipTransport Tcp => _stack.Transports.OfType<TcpSipTransport>().Single();

    private UdpSipTransport Udp => _stack.Transports.OfType<UdpSipTransport>().Single();

    [SetUp]
    public async Task StartAsync()
    {
        _user = new AwaitingUser();
        var options = new SipStackOptions { Transport = new SipTransportOptions { Address = IPAddress.Loopback, Port = 0 } };
        _stack = new SipStack(options, _user, new FakeTimeProvider(), NullLoggerFactory.Instance);
        await _stack.StartAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _stack.DisposeAsync();
        foreach (var disposable in _disposables) disposable.Dispose();
    }

    [Test, Description("RFC 3261 §17.1.4: a refused connection ends the INVITE at once, not after Timer B's 32 s")]
    public async Task Invite_client_over_tcp_to_a_port_nobody_listens_on_fails_at_once()
    {
        var request = Request("INVITE", branch: "z9hG4bKrefused", viaExtra: "", transport: "TCP", viaPort: Tcp.LocalEndPoint.Port);
        var transaction = _stack.Transactions.SendRequest(request, request.Raw, new SipEndPoint(SipTransportKind.Tcp, ClosedTcpPort()));

        Assert.That(await _user.NextTimeoutAsync(), Is.SameAs(transaction));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(_stack.Transactions.ClientTransactionCount, Is.Zero);
    }

    [Test, Description("RFC 3261 §17.1.4")]
    public async Task Non_invite_client_over_tcp_to_a_port_nobody_listens_on_fails_at_once()
    {
        var request = Request("OPTIONS", branch: "z9hG4bKrefused2", viaExtra: "", transport: "TCP", viaPort: Tcp.LocalEndPoint.Port);
        var transaction = _stack.Transactions.SendRequest(request, request.Raw, new SipEndPoint(SipTransportKind.Tcp, ClosedTcpPort()));

        Assert.That(await _user.NextTimeoutAsync(), Is.SameAs(transaction));
        Assert.That(_stack.Transactions.ClientTransactionCount, Is.Zero);
    }

    [Test, Description("RFC 3261 §17.1.4: an error the OS reports to sendto (here EMSGSIZE) ends a UDP transaction")]
    public async Task Non_invite_client_over_udp_fails_when_the_datagram_cannot_be_sent()
    {
        using var peer = BoundUdpSocket();
        var request = Request("OPTIONS", branch: "z9hG4bKtoobig", viaExtra: "", viaPort: Udp.LocalEndPoint.Port);
        var tooLargeForUdp = new byte[70_000];
        request.Raw.CopyTo(tooLargeForUdp);

        var transaction = _stack.Transactions.SendRequest(request, tooLargeForUdp, new SipEndPoint(SipTransportKind.Udp, (IPEndPoint)peer.LocalEndPoint!));

        Assert.That(await _user.NextTimeoutAsync(), Is.SameAs(transaction));
        Assert.That(_stack.Transactions.ClientTransactionCount, Is.Zero);
    }

    [Test]
    public async Task Non_invite_client_over_udp_that_is_delivered_gets_its_response_and_no_failure()
    {
        using var peer = BoundUdpSocket();
        var request = Request("OPTIONS", branch: "z9hG4bKclient", viaExtra: "", viaPort: Udp.LocalEndPoint.Port);
        var transaction = _stack.Transactions.SendRequest(request, request.Raw, new SipEndPoint(SipTransportKind.Udp, (IPEndPoint)peer.LocalEndPoint!));

        var buffer = new byte[65_536];
        var received = await peer.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0)).WaitAsync(RecordingSink.Patience);
        await peer.SendToAsync(Response(200, "OPTIONS").Raw, Udp.LocalEndPoint);

        Assert.That(Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes), Does.StartWith("OPTIONS "));
        Assert.That(await _user.NextResponseAsync(), Is.EqualTo((transaction, 200)));
        Assert.That(_user.HasTimeout, Is.False);
    }

    [Test, Description("RFC 3261 §18.2.2: the request's connection is gone, so the response goes over a new one to the Via address")]
    public async Task Server_response_after_the_connection_closed_reaches_the_via_address()
    {
        using var phoneListener = ListeningTcpSocket();
        var phonePort = ((IPEndPoint)phoneListener.LocalEndPoint!).Port;
        var transaction = await ReceiveInviteThenHangUpAsync(phonePort);

        Assert.That(transaction.Respond(486), Is.True);

        using var reconnected = new TcpTestClient(await phoneListener.AcceptAsync().WaitAsync(RecordingSink.Patience));
        Assert.That(await reconnected.ReadMessageAsync(), Does.StartWith("SIP/2.0 486 "));
        Assert.That(transaction.Peer.Address, Is.EqualTo(new IPEndPoint(IPAddress.Loopback, phonePort)));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Completed));
        Assert.That(_user.HasServerFailure, Is.False);
    }

    [Test, Description("RFC 3261 §17.2.4: when the Via address refuses too, the TU hears of it and the transaction ends")]
    public async Task Server_transaction_whose_response_reaches_nobody_fails_and_leaves_the_table()
    {
        var transaction = await ReceiveInviteThenHangUpAsync(ClosedTcpPort().Port);

        transaction.Respond(486);

        Assert.That(await _user.NextServerFailureAsync(), Is.SameAs(transaction));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Terminated));
        Assert.That(_stack.Transactions.ServerTransactionCount, Is.Zero);
    }

    [Test, Description("RFC 3261 §17.2.4: over TCP Timer J is zero, yet a final response that reaches nobody still tells the TU")]
    public async Task Non_invite_server_response_that_reaches_nobody_still_tells_the_user()
    {
        var transaction = await ReceiveThenHangUpAsync("OPTIONS", ClosedTcpPort().Port);

        transaction.Respond(200);

        Assert.That(await _user.NextServerFailureAsync(), Is.SameAs(transaction));
        Assert.That(_stack.Transactions.ServerTransactionCount, Is.Zero);
    }

    private Task<ServerTransaction> ReceiveInviteThenHangUpAsync(int viaPort) => ReceiveThenHangUpAsync("INVITE", viaPort);

    /// <summary>A phone sends a request over TCP (reading the 100 Trying to an INVITE) and closes the connection.</summary>
    private async Task<ServerTransaction> ReceiveThenHangUpAsync(string method, int viaPort)
    {
        var request = Request(method, branch: "z9hG4bKgone", viaExtra: ";rport", transport: "TCP", viaPort: viaPort);
        using (var phone = await TcpTestClient.ConnectAsync(Tcp.LocalEndPoint))
        {
            await phone.SendAsync(Encoding.UTF8.GetString(request.Raw.Span));
            if (method == "INVITE") Assert.That(await phone.ReadMessageAsync(), Does.StartWith("SIP/2.0 100 "));
        }

        var transaction = await _user.NextRequestAsync();
        Assert.That(() => Tcp.ConnectionCount, Is.Zero.After(5_000, 10), "the switch saw the connection close");
        return transaction;
    }

    /// <summary>A port bound but not listening (held for the test), so a connect to it is refused.</summary>
    private IPEndPoint ClosedTcpPort()
    {
        var socket = Track(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)socket.LocalEndPoint!;
    }

    private static Socket ListeningTcpSocket()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen();
        return socket;
    }

    private static Socket BoundUdpSocket()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private T Track<T>(T disposable) where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }
}
