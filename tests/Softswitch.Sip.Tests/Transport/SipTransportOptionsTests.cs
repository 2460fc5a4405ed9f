using System.Net;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transport;

public class SipTransportOptionsTests
{
    [Test]
    public void Defaults_listen_on_5060_with_a_64_KiB_limit_and_ten_minute_idle_timeout()
    {
        var options = new SipTransportOptions();

        Assert.That(options.EndPoint, Is.EqualTo(new IPEndPoint(IPAddress.Any, 5060)));
        Assert.That(options.MaxMessageSize, Is.EqualTo(65_535));
        Assert.That(options.TcpIdleTimeout, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(options.MaxTcpConnections, Is.EqualTo(1_024));
        Assert.That(options.MaxTcpConnectionsPerAddress, Is.EqualTo(32));
        Assert.That(options.TcpMessageTimeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.DoesNotThrow(options.Validate);
    }

    [Test]
    public void Unusable_settings_are_rejected()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(new SipTransportOptions { Port = 70_000 }.Validate);
            Assert.Throws<ArgumentOutOfRangeException>(new SipTransportOptions { MaxMessageSize = 10 }.Validate);
            Assert.Throws<ArgumentOutOfRangeException>(new SipTransportOptions { TcpIdleTimeout = TimeSpan.Zero }.Validate);
            Assert.Throws<ArgumentOutOfRangeException>(new SipTransportOptions { MaxTcpConnections = 0 }.Validate);
            Assert.Throws<ArgumentOutOfRangeException>(new SipTransportOptions { MaxTcpConnectionsPerAddress = 0 }.Validate);
            Assert.Throws<ArgumentOutOfRangeException>(new SipTransportOptions { TcpMessageTimeout = TimeSpan.Zero }.Validate);
            Assert.Throws<ArgumentOutOfRangeException>(new SipTransportOptions { TcpConnectTimeout = TimeSpan.Zero }.Validate);
        });
    }
}
