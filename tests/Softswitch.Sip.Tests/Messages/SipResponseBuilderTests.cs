using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Tests.Messages;

[Description("RFC 3261 §8.2.6")]
public class SipResponseBuilderTests
{
    [Test]
    public void Response_copies_via_from_to_call_id_and_cseq_exactly()
    {
        var request = SampleMessages.ParseRequest(SampleMessages.Invite);

        var bytes = SipResponseBuilder.For(request, 200).WithToTag("as7d9f").ToBytes();
        var response = (SipResponse)SampleMessages.Parse(bytes);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.ReasonPhrase, Is.EqualTo("OK"));
        Assert.That(response.GetHeaderValues("Via"), Is.EqualTo(request.GetHeaderValues("Via")));
        Assert.That(text, Does.Contain("\r\nVia: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\nVia: SIP/2.0/UDP proxy.atlanta.example.com;branch=z9hG4bK4b43c2ff8.1;received=192.0.2.3\r\n"));
        Assert.That(response.GetFirstHeaderValue("From"), Is.EqualTo(request.GetFirstHeaderValue("From")));
        Assert.That(response.GetFirstHeaderValue("To"), Is.EqualTo(request.GetFirstHeaderValue("To") + ";tag=as7d9f"));
        Assert.That(response.To.Tag, Is.EqualTo("as7d9f"));
        Assert.That(response.CallId, Is.EqualTo(request.CallId));
        Assert.That(response.CSeq, Is.EqualTo(request.CSeq));
        Assert.That(response.RecordRoutes.Single().ToString(), Is.EqualTo(request.RecordRoutes.Single().ToString()));
        Assert.That(response.ContentLength, Is.Zero);
        Assert.That(response.HasHeader("Contact"), Is.False);
    }

    [Test]
    public void Existing_to_tag_is_kept()
    {
        var request = SampleMessages.ParseRequest(SampleMessages.Invite.Replace("To: Bob <sip:bob@biloxi.example.com>", "To: Bob <sip:bob@biloxi.example.com>;tag=existing"));

        var response = SampleMessages.Parse(SipResponseBuilder.For(request, 200).WithToTag("new").ToBytes());

        Assert.That(response.To.Tag, Is.EqualTo("existing"));
    }

    [Test]
    [Description("RFC 3261 §12.1.1")]
    public void Record_route_is_not_copied_into_final_errors()
    {
        var request = SampleMessages.ParseRequest(SampleMessages.Invite);

        var response = SampleMessages.Parse(SipResponseBuilder.For(request, 486).WithToTag("x").ToBytes());

        Assert.That(response.RecordRoutes, Is.Empty);
        Assert.That(((SipResponse)response).ReasonPhrase, Is.EqualTo("Busy Here"));
    }

    [Test]
    public void Extra_headers_contact_and_body_are_written_with_content_length()
    {
        var request = SampleMessages.ParseRequest(SampleMessages.Invite);
        var sdp = Encoding.ASCII.GetBytes("v=0\r\n");

        var response = SampleMessages.Parse(SipResponseBuilder.For(request, 200, "Fine")
            .WithToTag("t1")
            .WithContact(new NameAddress(SipUri.Sip("switch", "192.0.2.10", 5060)))
            .AddHeader("Allow", "INVITE, ACK, BYE")
            .WithBody("application/sdp", sdp)
            .ToBytes());

        Assert.That(((SipResponse)response).ReasonPhrase, Is.EqualTo("Fine"));
        Assert.That(response.Contacts.Single().Uri.ToString(), Is.EqualTo("sip:switch@192.0.2.10:5060"));
        Assert.That(response.GetHeaderValues("Allow"), Has.Count.EqualTo(3));
        Assert.That(response.ContentType, Is.EqualTo("application/sdp"));
        Assert.That(response.Body.ToArray(), Is.EqualTo(sdp));
    }

    [Test]
    public void Folded_request_headers_are_unfolded_in_the_response()
    {
        var request = (SipRequest)SampleMessages.Parse(TestDataFiles.Read("Rfc4475/wsinv.dat"));

        var response = SampleMessages.Parse(SipResponseBuilder.For(request, 100).ToBytes());

        Assert.That(response.Vias.Select(v => v.Branch), Is.EqualTo(request.Vias.Select(v => v.Branch)));
        Assert.That(response.CSeq, Is.EqualTo(request.CSeq));
        Assert.That(response.From.Tag, Is.EqualTo("98asjd8"));
        Assert.That(response.To.Tag, Is.EqualTo("1918181833n"));
    }

    [Test]
    [Description("RFC 3261 §8.2.2.1, RFC 4475 badvers")]
    public void Rejected_request_can_be_answered_from_the_parse_error()
    {
        SipMessageParser.TryParse(TestDataFiles.Read("Rfc4475/badvers.dat"), out _, out var error);

        var response = (SipResponse)SampleMessages.Parse(SipResponseBuilder.For(error).WithToTag("e1").ToBytes());

        Assert.That(response.StatusCode, Is.EqualTo(505));
        Assert.That(response.ReasonPhrase, Is.EqualTo("Version Not Supported"));
        Assert.That(response.CallId, Is.EqualTo("badvers.31417@c.example.com"));
        Assert.That(response.TopVia.Branch, Is.EqualTo("z9hG4bKkdjuw"));
    }

    [Test]
    public void Reason_phrases_cover_standard_and_unknown_codes()
    {
        Assert.That(SipReasonPhrases.For(481), Is.EqualTo("Call/Transaction Does Not Exist"));
        Assert.That(SipReasonPhrases.For(499), Is.EqualTo("Client Error"));
    }
}
