using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Tests.Messages;

/// <summary>
/// REGISTER and INVITE as real user agents format them (TestData/Captures, written after baresip 1.0,
/// Linphone 5.x and SIPp's built-in scenarios): what the registrar and call layers will read from them.
/// </summary>
public class CaptureTests
{
    private static SipRequest Load(string name) => (SipRequest)SampleMessages.Parse(TestDataFiles.Read($"Captures/{name}.dat"));

    [TestCase("baresip-register", "sip:1001@192.168.1.10", "sip:1001-0x55d4c0e2a8c0@192.168.1.20:5060", 3600)]
    [TestCase("linphone-register", "sip:1003@sip.example.com", "sip:1003@192.168.1.30:53217;transport=udp", 3600)]
    [TestCase("sipp-register", "sip:1001@127.0.0.1", "sip:1001@127.0.1.1:5061", 3600)]
    public void Register_gives_address_of_record_contact_and_expiry(string name, string aor, string contact, int expires)
    {
        var request = Load(name);

        Assert.That(request.Method, Is.EqualTo(SipMethod.Register));
        Assert.That(request.To.Uri, Is.EqualTo(SipUri.Parse(aor)));
        Assert.That(request.Contacts.Single().Uri.ToString(), Is.EqualTo(contact));
        Assert.That(request.Contacts.Single().Expires ?? request.Expires, Is.EqualTo(expires));
        Assert.That(request.From.Tag, Is.Not.Null);
        Assert.That(request.TopVia.Branch, Does.StartWith("z9hG4bK"));
    }

    [Test]
    public void Linphone_contact_instance_parameter_keeps_its_quoted_urn()
    {
        var contact = Load("linphone-register").Contacts.Single();

        Assert.That(contact.Parameters["+sip.instance"], Is.EqualTo("\"<urn:uuid:9d3c6a8e-4f1b-4a2c-9e7d-5b8a1c2d3e4f>\""));
        Assert.That(contact.Parameters["+org.linphone.specs"], Is.EqualTo("\"ephemeral/1.1,groupchat/1.1,lime\""));
        Assert.That(Load("linphone-register").GetHeaderValues("Accept"), Has.Count.EqualTo(3));
    }

    [TestCase("baresip-invite", "sip:1002@192.168.1.10", "Alice", 21741u)]
    [TestCase("linphone-invite", "sip:1004@sip.example.com", "Bob", 20u)]
    [TestCase("sipp-invite", "sip:service@127.0.0.1:5060", "sipp", 1u)]
    public void Invite_gives_target_caller_and_offer(string name, string target, string caller, uint cseq)
    {
        var request = Load(name);

        Assert.That(request.Method, Is.EqualTo(SipMethod.Invite));
        Assert.That(request.RequestUri.ToString(), Is.EqualTo(target));
        Assert.That(request.From.DisplayName, Is.EqualTo(caller));
        Assert.That(request.CSeq.Number, Is.EqualTo(cseq));
        Assert.That(request.ContentType, Is.EqualTo("application/sdp"));
        Assert.That(request.Body.Span.StartsWith("v=0\r\n"u8), Is.True);
        Assert.That(request.Contacts.Single().Uri.IsSip, Is.True);
    }

    [TestCase("baresip-invite")]
    [TestCase("linphone-invite")]
    [TestCase("sipp-invite")]
    public void Answering_an_invite_echoes_its_dialog_identifiers(string name)
    {
        var request = Load(name);

        var response = SampleMessages.Parse(SipResponseBuilder.For(request, 180).WithToTag("ring1").ToBytes());

        Assert.That(response.CallId, Is.EqualTo(request.CallId));
        Assert.That(response.From.Tag, Is.EqualTo(request.From.Tag));
        Assert.That(response.To.Tag, Is.EqualTo("ring1"));
        Assert.That(response.TopVia.Branch, Is.EqualTo(request.TopVia.Branch));
    }
}
