using System.Net;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Registrar;

public sealed class ContactReachabilityTests
{
    [TestCase("sip:1001@192.0.2.10:5062", "192.0.2.10", 5062, false)]
    [TestCase("sip:1001@192.0.2.10:5062;transport=udp", "192.0.2.10", 5062, false)]
    [TestCase("sip:1001@192.0.2.10", "192.0.2.10", 5060, false)]
    [TestCase("sip:1001@192.168.1.20:5060", "203.0.113.7", 40123, true)]
    [TestCase("sip:1001@192.0.2.10:5060", "192.0.2.10", 40123, true)]
    [TestCase("sip:1001@phone.example.com:5060", "192.0.2.10", 5060, true)]
    [TestCase("sip:1001@[2001:db8::1]:5060", "2001:db8::1", 5060, false)]
    [TestCase("not a uri", "192.0.2.10", 5060, true)]
    [Description("RFC 3581: a phone is behind NAT when its Contact is not where its REGISTER came from")]
    public void A_contact_other_than_the_source_address_is_behind_nat(string contact, string address, int port, bool behindNat)
    {
        var source = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse(address), port));

        Assert.That(ContactReachability.IsBehindNat(Binding(contact, source)), Is.EqualTo(behindNat));
    }

    [Test]
    public void A_source_seen_as_an_ipv4_mapped_address_matches_its_ipv4_contact()
    {
        var source = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10").MapToIPv6(), 5062));

        Assert.That(ContactReachability.IsBehindNat(Binding("sip:1001@192.0.2.10:5062", source)), Is.False);
    }

    [Test]
    public void Over_tcp_the_phone_is_reached_on_its_connection_whatever_its_contact_says()
    {
        var source = new SipEndPoint(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060));

        Assert.That(ContactReachability.IsBehindNat(Binding("sip:1001@192.0.2.10:5060;transport=tcp", source)), Is.True);
    }

    private static ContactBinding Binding(string contact, SipEndPoint source)
    {
        var now = DateTimeOffset.UnixEpoch;
        return new ContactBinding("1001", contact, ContactBindingKey.For(contact, null, null), now.AddHours(1), "call", 1, source, null, null, null, now, now);
    }
}
