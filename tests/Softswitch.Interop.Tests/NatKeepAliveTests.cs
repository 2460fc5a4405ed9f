using System.Net;
using System.Net.Sockets;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>
/// A phone behind NAT, played by sipp: its REGISTER names a Contact elsewhere (127.0.0.9:5999, where nothing listens)
/// than the socket it sends from; the switch must keep that Contact, show the source it recorded, and keep the NAT
/// mapping open by sending keep-alives to the source.
/// </summary>
[TestFixture]
public sealed class NatKeepAliveTests
{
    [Test, Description("RFC 3581; RFC 5626 §4.4.1 (CRLFCRLF keep-alive)")]
    public async Task A_phone_registered_with_a_contact_elsewhere_gets_keepalives_at_the_address_it_registered_from()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(null, "--registrar:nat_keepalive_seconds=1");
        var phonePort = FreePort.ForUdp();
        var register = await Tool.RunAsync("sipp",
        [
            "-sf", Sipp.Scenario("register-nat.xml"), "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", phonePort.ToString(),
            "-nostdin", "-timeout", "15s", "-timeout_error", "-s", "1001", "-au", "1001", "-ap", SoftswitchProcess.Password1001,
            "-key", "contact", "127.0.0.9:5999", "-m", "1", $"127.0.0.1:{softswitch.Port}",
        ], TimeSpan.FromSeconds(25), Path.GetTempPath());
        Assert.That(register.ExitCode, Is.EqualTo(0), () => $"the 200 OK must list the contact as sent with received=\"sip:127.0.0.1:{phonePort}\":\n{register}\n{softswitch.Output}");

        // sipp has exited; its port is the phone's NAT mapping now, and the switch must still aim there.
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, phonePort));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var received = await phone.ReceiveAsync(wait.Token);
        Assert.Multiple(() =>
        {
            Assert.That(received.Buffer, Is.EqualTo("\r\n\r\n"u8.ToArray()), "a CRLFCRLF keep-alive");
            Assert.That(received.RemoteEndPoint, Is.EqualTo(new IPEndPoint(IPAddress.Loopback, softswitch.Port)), "from the switch's SIP port");
        });
    }
}
