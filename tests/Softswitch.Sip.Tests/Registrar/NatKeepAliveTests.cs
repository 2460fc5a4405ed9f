using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Registrar;

public sealed class NatKeepAliveTests
{
    private static readonly SipEndPoint NatSource = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.7"), 40123));
    private static readonly SipEndPoint OpenPhone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5062));

    private FakeTimeProvider _clock = null!;
    private BindingStore _store = null!;
    private SipRegistrar _registrar = null!;
    private List<SipEndPoint> _sent = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        _store = new BindingStore(_clock);
        _registrar = new SipRegistrar(_store);
        _sent = [];
    }

    [Test, Description("RFC 5626 §4.4.1 keep-alive, sent by the registrar to NATed phones")]
    public void Every_interval_each_natted_source_gets_one_keepalive_and_a_phone_reachable_at_its_contact_gets_none()
    {
        Register("1001", "sip:1001@192.168.1.20:5060", NatSource);
        Register("1001", "sip:1001@192.168.1.20:5070;transport=udp", NatSource); // a second line behind the same mapping
        Register("1002", "sip:1002@192.0.2.10:5062", OpenPhone);
        using var keepAlive = new NatKeepAlive(_store, _sent.Add, TimeSpan.FromSeconds(25), _clock);

        _clock.Advance(TimeSpan.FromSeconds(24));
        Assert.That(_sent, Is.Empty, "nothing before the first interval");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(_sent, Is.EqualTo(new[] { NatSource }), "one keep-alive per address, not per binding");
        _clock.Advance(TimeSpan.FromSeconds(25));
        Assert.That(_sent, Is.EqualTo(new[] { NatSource, NatSource }));
        Assert.That(keepAlive.Sent, Is.EqualTo(2));
    }

    [Test]
    public void An_expired_or_removed_binding_gets_no_more_keepalives()
    {
        Register("1001", "sip:1001@192.168.1.20:5060", NatSource, expires: 60);
        using var keepAlive = new NatKeepAlive(_store, _sent.Add, TimeSpan.FromSeconds(25), _clock);

        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.That(_sent, Has.Count.EqualTo(2));
        _clock.Advance(TimeSpan.FromSeconds(25)); // 75 s: expired at 60
        Assert.That(_sent, Has.Count.EqualTo(2));
    }

    [Test]
    public void The_keepalive_is_a_double_crlf()
    {
        Assert.That(NatKeepAlive.Ping.ToArray(), Is.EqualTo("\r\n\r\n"u8.ToArray()));
    }

    [Test]
    public void A_zero_interval_is_refused()
    {
        Assert.That(() => new NatKeepAlive(_store, _sent.Add, TimeSpan.Zero, _clock), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    private void Register(string aor, string contact, SipEndPoint source, int expires = 3600)
    {
        var outcome = _registrar.Apply(new RegisterRequest(aor, "call-" + aor + contact, 1, false, [new RegisterContact(contact)], expires, source, "test"));
        Assert.That(outcome.StatusCode, Is.EqualTo(200));
    }
}
