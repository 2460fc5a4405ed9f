using System.Net;
using System.Net.Sockets;
using Softswitch.Configuration.Options;
using Softswitch.Hosting;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Tests.Hosting;

public sealed class SipPortCheckTests
{
    [Test]
    public void Free_ports_are_no_problem_and_stay_free()
    {
        var sip = new SipOptions { Listen = "127.0.0.1", Port = FreePort.ForUdpAndTcp() };

        Assert.That(SipPortCheck.FindProblem(sip), Is.Null);
        Assert.That(SipPortCheck.FindProblem(sip), Is.Null, "the check released what it bound");
    }

    [TestCase(SocketType.Dgram, ProtocolType.Udp, "udp")]
    [TestCase(SocketType.Stream, ProtocolType.Tcp, "tcp")]
    public void Port_taken_for_one_transport_is_named_with_that_transport(SocketType type, ProtocolType protocol, string transport)
    {
        var port = FreePort.ForUdpAndTcp();
        using var squatter = new Socket(AddressFamily.InterNetwork, type, protocol);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, port));
        if (protocol == ProtocolType.Tcp) squatter.Listen();

        var problem = SipPortCheck.FindProblem(new SipOptions { Listen = "127.0.0.1", Port = port });

        Assert.That(problem, Is.EqualTo($"sip.port {port}/{transport} on 127.0.0.1 is already in use"));
    }

    [Test]
    public void Transport_not_configured_is_not_checked()
    {
        var port = FreePort.ForUdpAndTcp();
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, port));
        squatter.Listen();

        Assert.That(SipPortCheck.FindProblem(new SipOptions { Listen = "127.0.0.1", Port = port, Transports = ["udp"] }), Is.Null);
    }
}
