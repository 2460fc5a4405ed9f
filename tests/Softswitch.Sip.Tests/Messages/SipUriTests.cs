using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Tests.Messages;

public class SipUriTests
{
    [Test]
    public void Sip_uri_components_are_parsed_and_unescaped()
    {
        var uri = SipUri.Parse("sips:al%20ice:se%3Acret@Atlanta.Example.com:5061;transport=tcp;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent");

        Assert.That(uri.Scheme, Is.EqualTo("sips"));
        Assert.That(uri.IsSecure, Is.True);
        Assert.That(uri.User, Is.EqualTo("al ice"));
        Assert.That(uri.Password, Is.EqualTo("se:cret"));
        Assert.That(uri.Host, Is.EqualTo("Atlanta.Example.com"));
        Assert.That(uri.Port, Is.EqualTo(5061));
        Assert.That(uri.Transport, Is.EqualTo("tcp"));
        Assert.That(uri.IsLooseRouter, Is.True);
        Assert.That(uri.MAddr, Is.EqualTo("239.255.255.1"));
        Assert.That(uri.Headers["subject"], Is.EqualTo("project x"));
        Assert.That(uri.ToString(), Is.EqualTo("sips:al%20ice:se%3Acret@Atlanta.Example.com:5061;transport=tcp;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent"));
    }

    [TestCase("sip:[2001:db8::10]:5060", "[2001:db8::10]", 5060)]
    [TestCase("sip:alice@[2001:db8::10];transport=udp", "[2001:db8::10]", null)]
    [TestCase("sip:192.0.2.4", "192.0.2.4", null)]
    public void Hosts_include_ipv6_references(string text, string host, int? port)
    {
        var uri = SipUri.Parse(text);
        Assert.That(uri.Host, Is.EqualTo(host));
        Assert.That(uri.Port, Is.EqualTo(port));
        Assert.That(uri.ToString(), Is.EqualTo(text));
    }

    [Test]
    [Description("RFC 3966")]
    public void Tel_uri_keeps_number_and_parameters()
    {
        var uri = SipUri.Parse("tel:+1-201-555-0123;phone-context=example.com");

        Assert.That(uri.IsTel, Is.True);
        Assert.That(uri.User, Is.EqualTo("+1-201-555-0123"));
        Assert.That(uri.Parameters["phone-context"], Is.EqualTo("example.com"));
        Assert.That(uri.ToString(), Is.EqualTo("tel:+1-201-555-0123;phone-context=example.com"));
        Assert.That(uri, Is.EqualTo(SipUri.Parse("tel:+1.201.555.0123;PHONE-CONTEXT=example.com")));
    }

    [TestCase("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [TestCase("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [TestCase("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;newparam=5")]
    [TestCase("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [Description("RFC 3261 §19.1.4 equivalent examples")]
    public void Equivalent_uris_compare_equal(string a, string b)
    {
        Assert.That(SipUri.Parse(a), Is.EqualTo(SipUri.Parse(b)));
        Assert.That(SipUri.Parse(a).GetHashCode(), Is.EqualTo(SipUri.Parse(b).GetHashCode()));
    }

    [TestCase("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [TestCase("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [TestCase("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [TestCase("sip:bob@biloxi.com", "sips:bob@biloxi.com")]
    [TestCase("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off")]
    [TestCase("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]
    [Description("RFC 3261 §19.1.4 non-equivalent examples")]
    public void Different_uris_compare_unequal(string a, string b)
    {
        Assert.That(SipUri.Parse(a), Is.Not.EqualTo(SipUri.Parse(b)));
    }

    [TestCase("sip:")]
    [TestCase("sip:@host")]
    [TestCase("sip:user@")]
    [TestCase("sip:user@host:99999")]
    [TestCase("sip:user@host:abc")]
    [TestCase("sip:user@[::1")]
    [TestCase("sip:user name@host")]
    [TestCase("<sip:user@host>")]
    [TestCase("1sip:user@host")]
    [TestCase("tel:")]
    public void Malformed_uris_are_rejected(string text)
    {
        Assert.That(SipUri.TryParse(text, out var uri), Is.False);
        Assert.That(uri, Is.Null);
    }

    [Test]
    [Description("RFC 3261 §20.10")]
    public void Name_address_params_after_addr_spec_belong_to_the_header()
    {
        var addrSpec = NameAddress.Parse("sip:bob@biloxi.com;tag=a48s");
        var nameAddr = NameAddress.Parse("\"Bob \\\"B\\\"\" <sip:bob@biloxi.com;transport=tcp>;tag=a48s;expires=60");

        Assert.That(addrSpec.Tag, Is.EqualTo("a48s"));
        Assert.That(addrSpec.Uri.Parameters, Is.Empty);
        Assert.That(nameAddr.DisplayName, Is.EqualTo("Bob \"B\""));
        Assert.That(nameAddr.Uri.Transport, Is.EqualTo("tcp"));
        Assert.That(nameAddr.Expires, Is.EqualTo(60));
        Assert.That(nameAddr.ToString(), Is.EqualTo("\"Bob \\\"B\\\"\" <sip:bob@biloxi.com;transport=tcp>;tag=a48s;expires=60"));
        Assert.That(NameAddress.Parse(nameAddr.ToString()).DisplayName, Is.EqualTo("Bob \"B\""));
        Assert.That(NameAddress.Parse(addrSpec.WithTag("x").ToString()).Tag, Is.EqualTo("x"));
    }

    [Test]
    public void Via_values_round_trip_and_report_rport()
    {
        Assert.That(ViaHeader.TryParse("SIP/2.0/UDP 192.0.2.1:5062;branch=z9hG4bKabc;rport=5070;received=198.51.100.7", out var via), Is.True);

        Assert.That(via!.RPort, Is.EqualTo(5070));
        Assert.That(via.Received, Is.EqualTo("198.51.100.7"));
        Assert.That(via.HasMagicCookie, Is.True);
        Assert.That(via.WithRPort(4000).WithReceived("203.0.113.9").ToString(),
            Is.EqualTo("SIP/2.0/UDP 192.0.2.1:5062;branch=z9hG4bKabc;rport=4000;received=203.0.113.9"));
        Assert.That(ViaHeader.TryParse("SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKx", out var v6), Is.True);
        Assert.That(v6!.Host, Is.EqualTo("[2001:db8::1]"));
    }
}
