using Softswitch.Sip.Registrar;

namespace Softswitch.Sip.Tests.Registrar;

public class ContactBindingKeyTests
{
    [TestCase("sip:100@192.0.2.10:5062", "SIP:100@192.0.2.10:5062")]
    [TestCase("sip:100@PBX.Example.com", "sip:100@pbx.example.com")]
    [TestCase("sip:100@host;transport=UDP", "sip:100@host;TRANSPORT=udp")]
    [TestCase("sip:100@host;transport=udp;user=phone", "sip:100@host;user=phone;transport=udp")]
    [TestCase("sip:100@host;rinstance=abc;ob", "sip:100@host;rinstance=xyz")]
    [TestCase("sip:100@host?Subject=x", "sip:100@host")]
    [TestCase("<sip:100@host>", "sip:100@host")]
    [TestCase("sip:%61lice@host", "sip:alice@host")]
    [Description("RFC 3261 §19.1.4: scheme and host case-insensitive, parameters unordered, unknown parameters ignored")]
    public void Equivalent_uris_give_the_same_key(string a, string b)
    {
        Assert.That(ContactBindingKey.CanonicalUri(a), Is.EqualTo(ContactBindingKey.CanonicalUri(b)));
    }

    [TestCase("sip:alice@host", "sip:ALICE@host")]
    [TestCase("sip:100@host", "sip:100@host:5060")]
    [TestCase("sip:100@host:5060", "sip:100@host:5062")]
    [TestCase("sip:100@host;transport=udp", "sip:100@host;transport=tcp")]
    [TestCase("sip:100@host", "sips:100@host")]
    [TestCase("sip:100@host", "sip:101@host")]
    [Description("RFC 3261 §19.1.4: user info case-sensitive, a missing port is not 5060")]
    public void Different_uris_give_different_keys(string a, string b)
    {
        Assert.That(ContactBindingKey.CanonicalUri(a), Is.Not.EqualTo(ContactBindingKey.CanonicalUri(b)));
    }

    [Test]
    public void Canonical_form_is_readable()
    {
        Assert.That(ContactBindingKey.CanonicalUri("SIP:100@PBX.example:5060;ob;Transport=TCP;maddr=X"),
            Is.EqualTo("sip:100@pbx.example:5060;maddr=x;transport=tcp"));
    }

    [Test]
    public void User_part_containing_a_semicolon_is_kept_whole()
    {
        Assert.That(ContactBindingKey.CanonicalUri("sip:+1555;phone-context=x@Host;transport=udp"),
            Is.EqualTo("sip:+1555;phone-context=x@host;transport=udp"));
    }

    [Test]
    [Description("RFC 5626 §6: instance-id and reg-id identify the binding, not the URI")]
    public void Instance_id_identifies_the_binding_whatever_the_uri()
    {
        var before = ContactBindingKey.For("sip:100@192.0.2.10:5062", "\"<urn:uuid:ABC>\"", 1);
        var after = ContactBindingKey.For("sip:100@198.51.100.7:40000", "<urn:uuid:abc>", 1);
        var otherFlow = ContactBindingKey.For("sip:100@198.51.100.7:40000", "<urn:uuid:abc>", 2);

        Assert.Multiple(() =>
        {
            Assert.That(after, Is.EqualTo(before));
            Assert.That(otherFlow, Is.Not.EqualTo(before));
            Assert.That(ContactBindingKey.For("sip:100@h", null, null), Is.EqualTo("sip:100@h"));
        });
    }

    [TestCase("")]
    [TestCase("not a uri")]
    [TestCase(":")]
    [TestCase("sip:")]
    [TestCase("sip:@;;=;")]
    public void Odd_input_does_not_throw(string uri)
    {
        Assert.DoesNotThrow(() => ContactBindingKey.CanonicalUri(uri));
    }
}
