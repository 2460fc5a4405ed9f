using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Tests.Messages;

public class SipMessageParserTests
{
    [Test]
    public void Typical_invite_exposes_its_key_fields()
    {
        var request = SampleMessages.ParseRequest(SampleMessages.Invite);

        Assert.That(request.Method, Is.EqualTo(SipMethod.Invite));
        Assert.That(request.MethodName, Is.EqualTo("INVITE"));
        Assert.That(request.RequestUri.ToString(), Is.EqualTo("sip:bob@biloxi.example.com"));
        Assert.That(request.CallId, Is.EqualTo("a84b4c76e66710@pc33.atlanta.example.com"));
        Assert.That(request.CSeq.Number, Is.EqualTo(314159u));
        Assert.That(request.CSeq.Method, Is.EqualTo(SipMethod.Invite));
        Assert.That(request.Vias, Has.Count.EqualTo(2));
        Assert.That(request.TopVia.Transport, Is.EqualTo("UDP"));
        Assert.That(request.TopVia.Host, Is.EqualTo("pc33.atlanta.example.com"));
        Assert.That(request.TopVia.Port, Is.EqualTo(5060));
        Assert.That(request.TopVia.Branch, Is.EqualTo("z9hG4bK776asdhds"));
        Assert.That(request.TopVia.HasRPort, Is.True);
        Assert.That(request.TopVia.RPort, Is.Null);
        Assert.That(request.Vias[1].Received, Is.EqualTo("192.0.2.3"));
        Assert.That(request.From.DisplayName, Is.EqualTo("Alice Liddell"));
        Assert.That(request.From.Tag, Is.EqualTo("1928301774"));
        Assert.That(request.From.Uri.User, Is.EqualTo("alice"));
        Assert.That(request.To.DisplayName, Is.EqualTo("Bob"));
        Assert.That(request.To.Tag, Is.Null);
        Assert.That(request.Contacts.Single().Uri.Transport, Is.EqualTo("udp"));
        Assert.That(request.Contacts.Single().Uri.Port, Is.EqualTo(5060));
        Assert.That(request.RecordRoutes.Single().Uri.IsLooseRouter, Is.True);
        Assert.That(request.Routes, Is.Empty);
        Assert.That(request.MaxForwards, Is.EqualTo(70));
        Assert.That(request.ContentType, Is.EqualTo("application/sdp"));
        Assert.That(request.UserAgent, Is.EqualTo("Softphone/1.0"));
        Assert.That(Encoding.ASCII.GetString(request.Body.Span), Is.EqualTo(SampleMessages.Sdp));
        Assert.That(request.ContentLength, Is.EqualTo(SampleMessages.Sdp.Length));
        Assert.That(request.GetHeaderValues("allow"), Has.Count.EqualTo(9));
        Assert.That(request.GetHeaderValues("Supported"), Is.EqualTo(new[] { "replaces", "timer" }));
        Assert.That(request.Headers.Select(h => h.Name).First(), Is.EqualTo("Via"));
        Assert.That(request.HeaderCount, Is.EqualTo(14));
    }

    [Test]
    [Description("RFC 3261 §7.3.3")]
    public void Compact_header_names_are_recognised()
    {
        var request = SampleMessages.ParseRequest(
            "OPTIONS sip:carol@chicago.example.com SIP/2.0\r\n" +
            "v: SIP/2.0/TCP client.example.com:5061;branch=z9hG4bKabc\r\n" +
            "t: <sip:carol@chicago.example.com>\r\n" +
            "f: <sip:dave@example.com>;tag=88\r\n" +
            "i: compact-1@client\r\n" +
            "CSeq: 1 OPTIONS\r\n" +
            "m: <sip:dave@client.example.com;transport=tcp>;expires=60\r\n" +
            "k: path\r\n" +
            "l: 0\r\n\r\n");

        Assert.That(request.CallId, Is.EqualTo("compact-1@client"));
        Assert.That(request.TopVia.Transport, Is.EqualTo("TCP"));
        Assert.That(request.From.Tag, Is.EqualTo("88"));
        Assert.That(request.Contacts[0].Expires, Is.EqualTo(60));
        Assert.That(request.GetFirstHeaderValue("Supported"), Is.EqualTo("path"));
        Assert.That(request.MaxForwards, Is.Null);
        Assert.That(request.Body.Length, Is.Zero);
    }

    [Test]
    public void Status_line_gives_code_and_reason()
    {
        var response = (SipResponse)SampleMessages.Parse(
            "SIP/2.0 180 Ringing\r\n" +
            "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds;received=192.0.2.1;rport=5062\r\n" +
            "To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf\r\n" +
            "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710\r\n" +
            "CSeq: 314159 INVITE\r\n" +
            "Content-Length: 0\r\n\r\n");

        Assert.That(response.StatusCode, Is.EqualTo(180));
        Assert.That(response.ReasonPhrase, Is.EqualTo("Ringing"));
        Assert.That(response.TopVia.RPort, Is.EqualTo(5062));
        Assert.That(response.To.Tag, Is.EqualTo("a6c85cf"));
        Assert.That(response.CSeq.Method, Is.EqualTo(SipMethod.Invite));
        Assert.That(response.IsProvisional, Is.True);
    }

    [Test]
    [Description("RFC 3261 §7.5")]
    public void Leading_empty_lines_are_ignored()
    {
        var request = SampleMessages.Parse("\r\n\r\n" + SampleMessages.Invite);
        Assert.That(request.CallId, Is.EqualTo("a84b4c76e66710@pc33.atlanta.example.com"));
    }

    [Test]
    public void Missing_content_length_takes_the_rest_of_the_datagram_as_body()
    {
        var request = SampleMessages.Parse(SampleMessages.Invite.Replace($"Content-Length: {SampleMessages.Sdp.Length}\r\n", ""));
        Assert.That(request.Body.Length, Is.EqualTo(SampleMessages.Sdp.Length));
    }

    [Test]
    [Description("RFC 3261 §8.2.2.1")]
    public void Unsupported_request_uri_scheme_asks_for_416_with_headers_for_the_response()
    {
        var text = SampleMessages.Invite.Replace("INVITE sip:bob@biloxi.example.com", "INVITE mailto:bob@biloxi.example.com");
        var status = SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error);

        Assert.That(status, Is.EqualTo(SipParseStatus.Invalid));
        Assert.That(message, Is.Null);
        Assert.That(error.StatusCode, Is.EqualTo(416));
        Assert.That(error.IsRequest, Is.True);
        Assert.That(error.CanRespond, Is.True);
        Assert.That(error.Vias, Has.Count.EqualTo(2));
        Assert.That(error.CallId, Is.EqualTo("a84b4c76e66710@pc33.atlanta.example.com"));
        Assert.That(error.CSeq, Is.EqualTo("314159 INVITE"));
        Assert.That(error.From, Does.Contain("tag=1928301774"));
    }

    [TestCase("CSeq: 314159 INVITE", "CSeq: 314159 BYE", TestName = "CSeq method differs from the request method")]
    [TestCase("Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n", "", TestName = "Call-ID missing")]
    [TestCase("Max-Forwards: 70", "Max-Forwards: 256", TestName = "Max-Forwards above 255")]
    [TestCase("\r\n\r\nv=0", "\r\n\r\nv=", TestName = "Content-Length beyond the body")]
    [TestCase("Content-Length: ", "Content-Length: -", TestName = "Content-Length negative")]
    [TestCase("CSeq: 314159", "CSeq: 4294967296", TestName = "CSeq number above 2^32-1")]
    [TestCase("To: Bob <sip:bob@biloxi.example.com>", "To: Bob <sip:bob@biloxi.example.com", TestName = "To without closing bracket")]
    [TestCase("Via: SIP/2.0/UDP pc33", "Via: SIP/2.0 pc33", TestName = "Via without transport")]
    [TestCase("Max-Forwards: 70", "Max-Forwards 70", TestName = "Header line without colon")]
    [TestCase("INVITE sip:bob@biloxi.example.com SIP/2.0", "INVITE sip:bob@biloxi.example.com SIP/2.0 ", TestName = "Trailing space after the version")]
    public void Invalid_requests_are_answered_with_400(string find, string replace)
    {
        var text = SampleMessages.Invite.Replace(find, replace);
        Assert.That(text, Is.Not.EqualTo(SampleMessages.Invite));

        var status = SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error);

        Assert.That(status, Is.EqualTo(SipParseStatus.Invalid));
        Assert.That(message, Is.Null);
        Assert.That(error.StatusCode, Is.EqualTo(400), error.Reason);
    }

    [Test]
    [Description("RFC 3261 §8.2.2.1: 505 for an unsupported SIP version")]
    public void Other_sip_version_asks_for_505()
    {
        var text = SampleMessages.Invite.Replace("biloxi.example.com SIP/2.0", "biloxi.example.com SIP/3.0");
        SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out _, out var error);
        Assert.That(error.StatusCode, Is.EqualTo(505));
    }

    [Test]
    public void Extension_header_values_are_returned_per_line_without_comma_splitting()
    {
        var text = SampleMessages.Invite.Replace("User-Agent", "Authorization: Digest username=\"alice\", realm=\"atlanta\"\r\nX-Custom: a, b\r\nUser-Agent");
        var request = SampleMessages.Parse(text);

        Assert.That(request.GetHeaderValues("Authorization"), Is.EqualTo(new[] { "Digest username=\"alice\", realm=\"atlanta\"" }));
        Assert.That(request.GetFirstHeaderValue("x-custom"), Is.EqualTo("a, b"));
        Assert.That(request.GetFirstHeaderValue("X-Missing"), Is.Null);
    }

    [Test]
    [Description("RFC 3261 §10.2.2")]
    public void Star_contact_is_flagged()
    {
        var request = SampleMessages.ParseRequest(
            "REGISTER sip:example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKnashds7\r\n" +
            "To: <sip:bob@example.com>\r\nFrom: <sip:bob@example.com>;tag=456\r\n" +
            "Call-ID: reg-1\r\nCSeq: 2 REGISTER\r\nContact: *\r\nExpires: 0\r\nContent-Length: 0\r\n\r\n");

        Assert.That(request.Contacts.Single().IsStar, Is.True);
        Assert.That(request.Expires, Is.EqualTo(0));
    }
}
