using System.Net;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Tests.Trunks;

/// <summary>Which inbound INVITEs are a carrier's: by allow_from, by the carrier's resolved addresses, by our registered Contact.</summary>
public sealed class TrunkDirectoryTests
{
    private TrunkRegistry _registry = null!;
    private TrunkDirectory _directory = null!;

    [SetUp]
    public void SetUp()
    {
        _registry = new TrunkRegistry(
        [
            new TrunkSettings { Name = "by-network", Host = "sip.one.test", AllowFrom = [IPNetwork.Parse("198.51.100.0/24")], Dids = ["6139001"] },
            new TrunkSettings { Name = "by-name", Host = "sip.two.test", Register = true, Username = "u", Password = "p", Dids = ["6139002"] },
        ]);
        _directory = new TrunkDirectory(_registry);
        _registry.Find("by-name")!.SetResolved([new SipEndPoint(SipTransportKind.Udp, IPEndPoint.Parse("203.0.113.5:5060"))]);
    }

    [Test]
    public void A_source_inside_allow_from_is_that_trunk_and_the_did_is_the_request_uri_user()
    {
        var match = _directory.Identify(IPAddress.Parse("198.51.100.77"), Invite("sip:6139001@switch.test", "sip:6139001@switch.test"));
        Assert.That(match?.Trunk.Settings.Name, Is.EqualTo("by-network"));
        Assert.That(match!.Reason, Is.EqualTo(TrunkMatchReason.AllowFrom));
        Assert.That(match.Did, Is.EqualTo("6139001"));
        Assert.That(match.IsKnownDid, Is.True);
    }

    [Test]
    public void Without_allow_from_the_addresses_the_host_resolved_to_are_the_trunk_also_as_ipv4_mapped()
    {
        var match = _directory.Identify(IPAddress.Parse("::ffff:203.0.113.5"), Invite("sip:6139002@switch.test", "sip:6139002@switch.test"));
        Assert.That(match?.Trunk.Settings.Name, Is.EqualTo("by-name"));
        Assert.That(match!.Reason, Is.EqualTo(TrunkMatchReason.ResolvedAddress));
    }

    [Test]
    public void An_invite_to_our_registered_contact_is_that_trunk_and_the_did_comes_from_to()
    {
        var contact = _registry.Find("by-name")!.ContactUser;
        var match = _directory.Identify(IPAddress.Parse("192.0.2.99"), Invite($"sip:{contact}@10.0.0.1:5060", "sip:6139002@sip.two.test"));
        Assert.That(match?.Trunk.Settings.Name, Is.EqualTo("by-name"));
        Assert.That(match!.Reason, Is.EqualTo(TrunkMatchReason.RegisteredContact));
        Assert.That(match.Did, Is.EqualTo("6139002"));
    }

    [Test]
    public void For_the_source_guard_a_carrier_address_is_known_by_allow_from_or_resolved_host_but_not_by_contact_user()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_directory.IsTrunkAddress(IPAddress.Parse("198.51.100.77")), Is.True, "allow_from");
            Assert.That(_directory.IsTrunkAddress(IPAddress.Parse("::ffff:203.0.113.5")), Is.True, "resolved host");
            Assert.That(_directory.IsTrunkAddress(IPAddress.Parse("203.0.113.6")), Is.False, "a neighbour of the carrier");
            Assert.That(_directory.IsTrunkAddress(IPAddress.Parse("192.0.2.99")), Is.False, "anyone may claim a Contact user: no exemption for it");
        });
    }

    [Test]
    public void An_unknown_source_is_nobody_even_when_it_dials_a_did()
    {
        var invite = Invite("sip:6139001@switch.test", "sip:6139001@switch.test");
        Assert.That(_directory.Identify(IPAddress.Parse("192.0.2.99"), invite), Is.Null);
        Assert.That(_directory.IsTrunk(IPAddress.Parse("192.0.2.99"), invite), Is.False);
        Assert.That(_directory.Identify(IPAddress.Parse("203.0.113.6"), invite), Is.Null, "a neighbour of the carrier is not the carrier");
    }

    [Test]
    public void Contact_users_are_random_per_trunk_so_they_cannot_be_guessed_from_the_config()
    {
        var again = new TrunkRegistry([new TrunkSettings { Name = "by-name", Host = "sip.two.test", Register = true }]);
        Assert.That(again.Trunks[0].ContactUser, Is.Not.EqualTo(_registry.Find("by-name")!.ContactUser));
        Assert.That(again.Trunks[0].ContactUser, Has.Length.GreaterThanOrEqualTo(16));
    }

    private static SipRequest Invite(string requestUri, string to)
    {
        var text = $"INVITE {requestUri} SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n" +
                   $"From: <sip:0390001111@carrier.test>;tag=a\r\nTo: <{to}>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
        SipMessageParser.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var parsed, out _);
        return (SipRequest)parsed!;
    }
}
