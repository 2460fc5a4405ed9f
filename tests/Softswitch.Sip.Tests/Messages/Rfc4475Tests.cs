using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Tests.Messages;

/// <summary>
/// Every message of RFC 4475 (SIP torture tests) as a file under TestData/Rfc4475. Valid messages parse with the
/// expected key fields; invalid ones are rejected with the status code a server should answer (0 for responses,
/// which are dropped). Choices where the RFC allows either: baddate is accepted (the Date is not used),
/// mismatch02 gets 400 (501 is the stack's business once the method is seen), novelsc gets 416.
/// </summary>
[Description("RFC 4475")]
public class Rfc4475Tests
{
    private static readonly Dictionary<string, int> s_invalid = new()
    {
        ["badinv01"] = 400, ["clerr"] = 400, ["ncl"] = 400, ["scalar02"] = 400, ["scalarlg"] = 0,
        ["quotbal"] = 400, ["ltgtruri"] = 400, ["lwsruri"] = 400, ["lwsstart"] = 400, ["trws"] = 400,
        ["escruri"] = 400, ["regbadct"] = 400, ["badaspec"] = 400, ["baddn"] = 400, ["badvers"] = 505,
        ["mismatch01"] = 400, ["mismatch02"] = 400, ["bigcode"] = 0, ["insuf"] = 400, ["unkscm"] = 416,
        ["novelsc"] = 416, ["multi01"] = 400, ["mcl01"] = 400,
    };

    private static readonly string[] s_valid =
    [
        "wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq", "semiuri", "transports",
        "mpart01", "unreason", "noreason", "baddate", "badbranch", "unksm2", "bext01", "invut", "regaut01", "bcast",
        "zeromf", "cparam01", "cparam02", "regescrt", "sdp01", "inv2543",
    ];

    public static IEnumerable<string> AllFiles() =>
        Directory.GetFiles(TestDataFiles.PathOf("Rfc4475"), "*.dat").Select(Path.GetFileNameWithoutExtension).Order()!;

    private static SipMessage Valid(string name) => SampleMessages.Parse(TestDataFiles.Read($"Rfc4475/{name}.dat"));

    [Test]
    public void Every_rfc_message_has_a_file_and_an_expectation()
    {
        var files = AllFiles().ToHashSet();
        var expected = s_valid.Concat(s_invalid.Keys).ToHashSet();
        Assert.That(files, Is.EquivalentTo(expected));
        Assert.That(files, Has.Count.EqualTo(49));
    }

    [TestCaseSource(nameof(AllFiles))]
    public void Message_parses_or_is_rejected_as_the_rfc_expects(string name)
    {
        var bytes = TestDataFiles.Read($"Rfc4475/{name}.dat");

        var status = SipMessageParser.TryParse(bytes, out var message, out var error);

        if (s_invalid.TryGetValue(name, out var code))
        {
            Assert.That(status, Is.EqualTo(SipParseStatus.Invalid), "expected rejection");
            Assert.That(message, Is.Null);
            Assert.That(error.StatusCode, Is.EqualTo(code), error.Reason);
            Assert.That(error.Reason, Does.Not.StartWith("internal"));
        }
        else
        {
            Assert.That(status, Is.EqualTo(SipParseStatus.Ok), error.Reason);
            Assert.That(message!.CallId, Is.Not.Empty);
            Assert.That(message.Vias, Is.Not.Empty);
            Assert.That(message.From.Uri, Is.Not.Null);
            Assert.That(message.To.Uri, Is.Not.Null);
            Assert.That(message.CSeq.MethodName, Is.Not.Empty);
        }
    }

    [Test]
    public void Wsinv_folding_whitespace_and_compact_forms()
    {
        var request = (SipRequest)Valid("wsinv");

        Assert.That(request.RequestUri.Parameters.Contains("unknownparam"), Is.True);
        Assert.That(request.To.Tag, Is.EqualTo("1918181833n"));
        Assert.That(request.To.Uri.User, Is.EqualTo("vivekg"));
        Assert.That(request.From.DisplayName, Is.EqualTo("J Rosenberg \\\""));
        Assert.That(request.From.Tag, Is.EqualTo("98asjd8"));
        Assert.That(request.MaxForwards, Is.EqualTo(68));
        Assert.That(request.CSeq, Is.EqualTo(new CSeqHeader(9, SipMethod.Invite)));
        Assert.That(request.Vias.Select(v => v.Host), Is.EqualTo(new[] { "192.0.2.2", "spindle.example.com", "192.168.255.111" }));
        Assert.That(request.Vias.Select(v => v.Branch), Is.EqualTo(new[] { "390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239" }));
        Assert.That(request.Vias[1].Transport, Is.EqualTo("TCP"));
        Assert.That(request.GetFirstHeaderValue("Subject"), Is.EqualTo(""));
        Assert.That(request.GetFirstHeaderValue("NewFangledHeader"), Is.EqualTo("newfangled value continued newfangled value"));
        Assert.That(request.GetFirstHeaderValue("UnknownHeaderWithUnusualValue"), Is.EqualTo(";;,,;;,;"));
        Assert.That(request.Routes.Single().Uri.IsLooseRouter, Is.True);
        var contact = request.Contacts.Single();
        Assert.That(contact.DisplayName, Is.EqualTo("Quoted string \"\""));
        Assert.That(contact.Parameters["newparam"], Is.EqualTo("newvalue"));
        Assert.That(contact.Parameters.Contains("secondparam"), Is.True);
        Assert.That(contact.Parameters["q"], Is.EqualTo("0.33"));
        Assert.That(request.Body.Length, Is.EqualTo(150));
    }

    [Test]
    public void Intmeth_unusual_characters_are_kept()
    {
        var request = (SipRequest)Valid("intmeth");

        Assert.That(request.Method, Is.EqualTo(SipMethod.Unknown));
        Assert.That(request.MethodName, Is.EqualTo("!interesting-Method0123456789_*+`.%indeed'~"));
        Assert.That(request.CSeq.MethodName, Is.EqualTo(request.MethodName));
        Assert.That(request.RequestUri.User, Is.EqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*"));
        Assert.That(request.RequestUri.Password, Is.EqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)"));
        Assert.That(request.To.DisplayName, Is.EqualTo("BEL:\a NUL:\0 DEL:\u007f"));
        Assert.That(request.From.DisplayName, Is.EqualTo("token1~` token2'+_ token3*%!.-"));
        Assert.That(request.From.Tag, Is.EqualTo("_token~1'+`*%!-."));
        Assert.That(request.CallId, Is.EqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{"));
        Assert.That(request.GetFirstHeaderValue("extensionHeader-!.%*+_`'~"), Is.EqualTo("\uFEFF大停電"));
        Assert.That(request.TopVia.Branch, Is.EqualTo("z9hG4bK-.!%66*_+`'~"));
    }

    [Test]
    public void Esc01_escapes_are_resolved_once_in_uri_components()
    {
        var request = (SipRequest)Valid("esc01");

        Assert.That(request.RequestUri.User, Is.EqualTo("sips:user@example.com"));
        Assert.That(request.To.Uri.User, Is.EqualTo("user"));
        Assert.That(request.From.Uri.User, Is.EqualTo("I have spaces"));
        var contactUri = request.Contacts.Single().Uri;
        Assert.That(contactUri.User, Is.EqualTo("caller"));
        Assert.That(contactUri.IsLooseRouter, Is.True);
        Assert.That(contactUri.Parameters["name"], Is.EqualTo("value%41"));
        Assert.That(request.ContentType, Is.EqualTo("application/sdp"));
    }

    [Test]
    public void Escnull_keeps_nulls_in_user_parts()
    {
        var request = Valid("escnull");

        Assert.That(request.To.Uri.User, Is.EqualTo("null-\0-null"));
        Assert.That(request.Contacts.Select(c => c.Uri.User), Is.EqualTo(new[] { "\0", "\0\0" }));
        Assert.That(request.Contacts[0].Uri, Is.Not.EqualTo(request.Contacts[1].Uri));
    }

    [Test]
    public void Esc02_percent_in_method_is_not_an_escape()
    {
        var request = (SipRequest)Valid("esc02");

        Assert.That(request.Method, Is.EqualTo(SipMethod.Unknown));
        Assert.That(request.MethodName, Is.EqualTo("RE%47IST%45R"));
        Assert.That(request.To.DisplayName, Is.EqualTo("%Z%45"));
        Assert.That(request.Contacts, Has.Count.EqualTo(2));
        Assert.That(request.GetFirstHeaderValue("C%6Fntact"), Is.EqualTo("<sip:alias2@host2.example.com>"));
    }

    [Test]
    public void Lwsdisp_display_name_without_space_before_angle_bracket()
    {
        var request = Valid("lwsdisp");
        Assert.That(request.From.DisplayName, Is.EqualTo("caller"));
        Assert.That(request.From.Tag, Is.EqualTo("323"));
    }

    [Test]
    public void Longreq_has_34_vias_and_long_values()
    {
        var request = Valid("longreq");

        Assert.That(request.Vias, Has.Count.EqualTo(34));
        Assert.That(request.Vias[0].Host, Is.EqualTo("sip33.example.com"));
        Assert.That(request.Vias[^1].Received, Is.EqualTo("192.0.2.5"));
        Assert.That(request.To.Uri.Port, Is.EqualTo(6000));
        Assert.That(request.To.Uri.Parameters, Has.Count.EqualTo(3));
        Assert.That(request.From.Tag, Has.Length.EqualTo(155));
        Assert.That(request.CallId, Does.StartWith("longreq.onereally"));
    }

    [Test]
    [Description("RFC 3261 §18.3")]
    public void Dblreq_bytes_after_content_length_are_ignored()
    {
        var request = (SipRequest)Valid("dblreq");

        Assert.That(request.Method, Is.EqualTo(SipMethod.Register));
        Assert.That(request.Body.Length, Is.Zero);
        Assert.That(Encoding.ASCII.GetString(request.Raw.Span), Does.Not.Contain("INVITE"));
    }

    [Test]
    public void Semiuri_user_part_may_hold_semicolons()
    {
        var request = (SipRequest)Valid("semiuri");
        Assert.That(request.RequestUri.User, Is.EqualTo("user;par=u@example.net"));
        Assert.That(request.RequestUri.Parameters, Is.Empty);
        Assert.That(request.GetHeaderValues("Accept"), Has.Count.EqualTo(6));
    }

    [Test]
    public void Transports_unknown_transport_is_kept()
    {
        var request = Valid("transports");
        Assert.That(request.Vias.Select(v => v.Transport), Is.EqualTo(new[] { "UDP", "SCTP", "TLS", "UNKNOWN", "TCP" }));
        Assert.That(request.CallId, Is.EqualTo("transports.kijh4akdnaqjkwendsasfdj"));
    }

    [Test]
    public void Mpart01_binary_body_is_framed_by_content_length()
    {
        var request = Valid("mpart01");
        Assert.That(request.ContentType, Is.EqualTo("multipart/mixed;boundary=7a9cbec02ceef655"));
        Assert.That(request.Body.Span.IndexOf((byte)0), Is.GreaterThan(0));
        Assert.That(request.Body.Span.EndsWith("--7a9cbec02ceef655--\r\n"u8), Is.True);
        Assert.That(request.TopVia.HasRPort, Is.True);
    }

    [Test]
    public void Unreason_and_noreason_reason_phrases()
    {
        var unusual = (SipResponse)Valid("unreason");
        var empty = (SipResponse)Valid("noreason");

        Assert.That(unusual.StatusCode, Is.EqualTo(200));
        Assert.That(unusual.ReasonPhrase, Does.StartWith("= 2**3 * 5**2 но сто"));
        Assert.That(empty.StatusCode, Is.EqualTo(100));
        Assert.That(empty.ReasonPhrase, Is.Empty);
    }

    [Test]
    public void Badbranch_cookie_without_identifier_is_syntactically_fine()
    {
        var request = Valid("badbranch");
        Assert.That(request.TopVia.Branch, Is.EqualTo("z9hG4bK"));
    }

    [Test]
    public void Unksm2_unknown_schemes_in_header_fields_are_kept_opaque()
    {
        var request = Valid("unksm2");
        Assert.That(request.To.Uri.Scheme, Is.EqualTo("isbn"));
        Assert.That(request.To.Uri.ToString(), Is.EqualTo("isbn:2983792873"));
        Assert.That(request.From.Uri.ToString(), Is.EqualTo("http://www.example.com"));
        Assert.That(request.From.Tag, Is.EqualTo("3234233"));
        Assert.That(request.Contacts.Single().Uri.Scheme, Is.EqualTo("name"));
    }

    [Test]
    public void Application_level_cases_expose_what_the_application_needs()
    {
        Assert.That(Valid("bext01").GetHeaderValues("Require"), Is.EqualTo(new[] { "nothingSupportsThis", "nothingSupportsThisEither" }));
        Assert.That(Valid("invut").ContentType, Is.EqualTo("application/unknownformat"));
        Assert.That(Valid("invut").Body.Length, Is.EqualTo(40));
        Assert.That(Valid("regaut01").GetFirstHeaderValue("Authorization"), Is.EqualTo("NoOneKnowsThisScheme opaque-data=here"));
        Assert.That(Valid("zeromf").MaxForwards, Is.EqualTo(0));
        Assert.That(Valid("sdp01").GetFirstHeaderValue("Accept"), Is.EqualTo("text/nobodyKnowsThis"));
        Assert.That(Valid("bcast").Vias[1].Host, Is.EqualTo("255.255.255.255"));
    }

    [Test]
    [Description("RFC 3261 §20.10: in addr-spec form the parameters belong to the header")]
    public void Cparam_parameters_go_to_header_or_uri_by_form()
    {
        var addrSpec = Valid("cparam01").Contacts.Single();
        var nameAddr = Valid("cparam02").Contacts.Single();

        Assert.That(addrSpec.Parameters.Contains("unknownparam"), Is.True);
        Assert.That(addrSpec.Uri.Parameters, Is.Empty);
        Assert.That(nameAddr.Uri.Parameters.Contains("unknownparam"), Is.True);
        Assert.That(nameAddr.Parameters, Is.Empty);
        Assert.That(addrSpec.Uri.User, Is.EqualTo("+19725552222"));
    }

    [Test]
    public void Regescrt_contact_uri_headers_are_parsed()
    {
        var contact = Valid("regescrt").Contacts.Single();
        Assert.That(contact.Uri.Headers["Route"], Is.EqualTo("<sip:sip.example.com>"));
        Assert.That(contact.Uri.WithoutHeaders().ToString(), Is.EqualTo("sip:user@example.com"));
    }

    [Test]
    [Description("RFC 4475 §3.4.1: RFC 2543 syntax without Max-Forwards, branch or Content-Length")]
    public void Inv2543_old_syntax_is_accepted()
    {
        var request = Valid("inv2543");

        Assert.That(request.MaxForwards, Is.Null);
        Assert.That(request.TopVia.Branch, Is.Null);
        Assert.That(request.To.Parameters["user"], Is.EqualTo("phone"));
        Assert.That(request.From.Uri.UserParameter, Is.EqualTo("phone"));
        Assert.That(request.RecordRoutes.Single().Uri.MAddr, Is.EqualTo("ss1.example.com"));
        Assert.That(request.Body.Length, Is.GreaterThan(0));
    }

    [Test]
    [Description("RFC 3261 §8.2.6.1: the error response needs Via, From, To, Call-ID and CSeq")]
    public void Rejected_requests_still_give_the_headers_for_an_error_response()
    {
        SipMessageParser.TryParse(TestDataFiles.Read("Rfc4475/badvers.dat"), out _, out var badvers);
        SipMessageParser.TryParse(TestDataFiles.Read("Rfc4475/insuf.dat"), out _, out var insuf);

        Assert.That(badvers.CanRespond, Is.True);
        Assert.That(badvers.CallId, Is.EqualTo("badvers.31417@c.example.com"));
        Assert.That(badvers.Vias.Single(), Is.EqualTo("SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw"));
        Assert.That(insuf.CanRespond, Is.False);
        Assert.That(insuf.Vias, Has.Count.EqualTo(1));
    }
}
