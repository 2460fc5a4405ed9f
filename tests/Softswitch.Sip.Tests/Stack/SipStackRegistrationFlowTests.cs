using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Tests.Transport;
using Softswitch.Sip.Transport;
using static Softswitch.Sip.Tests.Transactions.Messages;

namespace Softswitch.Sip.Tests.Stack;

/// <summary>The stack tells the TCP transport which connections carry a registration: those over which a REGISTER got a 2xx.</summary>
public sealed class SipStackRegistrationFlowTests
{
    private static readonly TimeSpan IdleTimeout = new SipTransportOptions().TcpIdleTimeout;

    private readonly FakeTimeProvider _time = new();
    private AwaitingUser _user = null!;
    private SipStack _stack = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _user = new AwaitingUser();
        var options = new SipStackOptions { Transport = new SipTransportOptions { Address = IPAddress.Loopback, Port = 0 }, Transports = [SipTransportKind.Tcp] };
        _stack = new SipStack(options, _user, _time, NullLoggerFactory.Instance);
        await _stack.StartAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task StopAsync() => await _stack.DisposeAsync();

    [TestCase(200, true)]
    [TestCase(401, false)]
    [Description("RFC 5626 §4.4.1")]
    public async Task Pings_keep_a_connection_open_only_after_a_register_over_it_succeeded(int status, bool keptOpen)
    {
        using var phone = await TcpTestClient.ConnectAsync(_stack.Transports.Single().LocalEndPoint);
        var register = Request("REGISTER", viaExtra: "", transport: "TCP", viaPort: phone.LocalEndPoint.Port);
        await phone.Socket.SendAsync(register.Raw);
        (await _user.NextRequestAsync()).Respond(status);
        Assert.That(await phone.ReadMessageAsync(), Does.StartWith($"SIP/2.0 {status} "));

        _time.Advance(IdleTimeout - TimeSpan.FromMinutes(1));
        await phone.SendAsync("\r\n\r\n");
        await phone.ReadExactlyAsync(2);
        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.That(phone.StaysOpenFor(TimeSpan.FromMilliseconds(200)), Is.EqualTo(keptOpen));
    }
}
