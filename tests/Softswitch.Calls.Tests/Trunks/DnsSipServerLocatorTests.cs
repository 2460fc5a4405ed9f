using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Calls.Tests.Support;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Tests.Trunks;

/// <summary>RFC 3263 §4 against a real DNS responder on loopback.</summary>
public sealed class DnsSipServerLocatorTests
{
    private TinyDnsServer _dns = null!;
    private DnsSipServerLocator _locator = null!;

    [SetUp]
    public void SetUp()
    {
        _dns = new TinyDnsServer();
        _locator = new DnsSipServerLocator([_dns.EndPoint], NullLogger<DnsSipServerLocator>.Instance);
    }

    [TearDown]
    public async Task TearDown() => await _dns.DisposeAsync();

    [Test, Description("RFC 3263 §4.2, RFC 2782")]
    public async Task A_name_without_port_follows_srv_by_priority_to_each_targets_addresses()
    {
        _dns.Srv("_sip._udp.carrier.test", 20, 0, 5070, "backup.carrier.test")
            .Srv("_sip._udp.carrier.test", 10, 0, 5080, "main.carrier.test")
            .A("main.carrier.test", "127.0.0.21").A("main.carrier.test", "127.0.0.22")
            .A("backup.carrier.test", "127.0.0.31");

        var targets = await Locate("carrier.test", 0, SipTransportKind.Udp);

        Assert.That(targets, Is.EqualTo(new[] { "udp:127.0.0.21:5080", "udp:127.0.0.22:5080", "udp:127.0.0.31:5070" }));
    }

    [Test, Description("RFC 3263 §4.2: _sip._tcp for TCP")]
    public async Task Tcp_asks_for_the_tcp_service()
    {
        _dns.Srv("_sip._udp.carrier.test", 10, 0, 5060, "udp.carrier.test").A("udp.carrier.test", "127.0.0.41")
            .Srv("_sip._tcp.carrier.test", 10, 0, 5062, "tcp.carrier.test").A("tcp.carrier.test", "127.0.0.42");

        Assert.That(await Locate("carrier.test", 0, SipTransportKind.Tcp), Is.EqualTo(new[] { "tcp:127.0.0.42:5062" }));
    }

    [Test, Description("RFC 3263 §4.2: no SRV records, then A/AAAA on 5060")]
    public async Task Without_srv_the_names_addresses_on_5060_ipv4_first()
    {
        _dns.A("plain.test", "::1").A("plain.test", "127.0.0.51");
        Assert.That(await Locate("plain.test", 0, SipTransportKind.Udp), Is.EqualTo(new[] { "udp:127.0.0.51:5060", "udp:[::1]:5060" }));
    }

    [Test, Description("RFC 3263 §4.2: a port given means no SRV lookup")]
    public async Task A_port_skips_srv()
    {
        _dns.Srv("_sip._udp.carrier.test", 10, 0, 5080, "main.carrier.test").A("main.carrier.test", "127.0.0.21")
            .A("carrier.test", "127.0.0.61");
        Assert.That(await Locate("carrier.test", 5099, SipTransportKind.Udp), Is.EqualTo(new[] { "udp:127.0.0.61:5099" }));
    }

    [Test]
    public async Task An_address_is_used_as_it_is_without_asking_dns()
    {
        Assert.That(await Locate("127.0.0.70", 0, SipTransportKind.Udp), Is.EqualTo(new[] { "udp:127.0.0.70:5060" }));
        Assert.That(await Locate("127.0.0.70", 5071, SipTransportKind.Tcp), Is.EqualTo(new[] { "tcp:127.0.0.70:5071" }));
        Assert.That(_dns.Questions, Is.Zero);
    }

    [Test]
    public async Task A_name_that_does_not_exist_gives_no_targets_and_no_exception()
    {
        Assert.That(await Locate("missing.test", 0, SipTransportKind.Udp), Is.Empty);
    }

    private async Task<string[]> Locate(string host, int port, SipTransportKind transport) =>
        (await _locator.LocateAsync(host, port, transport, CancellationToken.None)).Select(t => t.ToString()).ToArray();
}
