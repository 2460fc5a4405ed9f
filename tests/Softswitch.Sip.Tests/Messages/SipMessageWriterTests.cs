using System.Buffers;
using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Tests.Messages;

public class SipMessageWriterTests
{
    public static IEnumerable<string> ValidRfcFiles() =>
        Rfc4475Tests.AllFiles().Where(name => SipMessageParser.TryParse(TestDataFiles.Read($"Rfc4475/{name}.dat"), out _, out _) == SipParseStatus.Ok);

    [TestCaseSource(nameof(ValidRfcFiles))]
    public void Parsed_message_written_back_reparses_with_equal_fields(string name)
    {
        var original = SampleMessages.Parse(TestDataFiles.Read($"Rfc4475/{name}.dat"));

        var again = SampleMessages.Parse(SipMessageWriter.ToBytes(original));

        AssertSameMessage(again, original);
    }

    [Test]
    public void Typical_invite_round_trips_and_writes_canonical_header_names()
    {
        var original = SampleMessages.Parse(SampleMessages.InviteBytes);
        var bytes = SipMessageWriter.ToBytes(original);

        AssertSameMessage(SampleMessages.Parse(bytes), original);
        Assert.That(Encoding.UTF8.GetString(bytes), Is.EqualTo(SampleMessages.Invite));
    }

    [Test]
    [Description("RFC 3261 §7.3.1")]
    public void Folded_and_compact_headers_are_written_on_one_line_with_long_names()
    {
        var original = SampleMessages.Parse(TestDataFiles.Read("Rfc4475/wsinv.dat"));
        var text = Encoding.UTF8.GetString(SipMessageWriter.ToBytes(original));

        Assert.That(text, Does.Contain("\r\nCSeq: 0009 INVITE\r\n"));
        Assert.That(text, Does.Contain("\r\nContact: \"Quoted string \\\"\\\"\" <sip:jdrosen@example.com> ; newparam = newvalue ; secondparam ; q = 0.33\r\n"));
        Assert.That(text, Does.Contain("\r\nSubject: \r\n"));
        Assert.That(text, Does.EndWith("Content-Length: 150\r\n\r\n" + Encoding.ASCII.GetString(original.Body.Span)));
    }

    [Test]
    public void Buffer_writer_and_span_outputs_match_to_bytes()
    {
        var message = SampleMessages.Parse(SampleMessages.InviteBytes);
        var expected = SipMessageWriter.ToBytes(message);

        var writer = new ArrayBufferWriter<byte>();
        var written = SipMessageWriter.Write(message, writer);
        var span = new byte[expected.Length];
        var fits = SipMessageWriter.TryWrite(message, span, out var spanWritten);
        var tooSmall = SipMessageWriter.TryWrite(message, new byte[expected.Length - 1], out var none);

        Assert.That(written, Is.EqualTo(expected.Length));
        Assert.That(writer.WrittenSpan.ToArray(), Is.EqualTo(expected));
        Assert.That(fits, Is.True);
        Assert.That(spanWritten, Is.EqualTo(expected.Length));
        Assert.That(span, Is.EqualTo(expected));
        Assert.That(tooSmall, Is.False);
        Assert.That(none, Is.Zero);
        Assert.That(SipMessageWriter.GetLength(message), Is.EqualTo(expected.Length));
    }

    internal static void AssertSameMessage(SipMessage actual, SipMessage expected)
    {
        Assert.That(actual.GetType(), Is.EqualTo(expected.GetType()));
        if (expected is SipRequest request)
        {
            var other = (SipRequest)actual;
            Assert.That(other.MethodName, Is.EqualTo(request.MethodName));
            Assert.That(other.RequestUri, Is.EqualTo(request.RequestUri));
        }
        else
        {
            var response = (SipResponse)expected;
            Assert.That(((SipResponse)actual).StatusCode, Is.EqualTo(response.StatusCode));
            Assert.That(((SipResponse)actual).ReasonPhrase, Is.EqualTo(response.ReasonPhrase));
        }
        Assert.That(actual.CallId, Is.EqualTo(expected.CallId));
        Assert.That(actual.CSeq, Is.EqualTo(expected.CSeq));
        Assert.That(actual.Vias.Select(v => v.ToString()), Is.EqualTo(expected.Vias.Select(v => v.ToString())));
        Assert.That(actual.From.ToString(), Is.EqualTo(expected.From.ToString()));
        Assert.That(actual.To.ToString(), Is.EqualTo(expected.To.ToString()));
        Assert.That(actual.Contacts.Select(c => c.ToString()), Is.EqualTo(expected.Contacts.Select(c => c.ToString())));
        Assert.That(actual.Routes.Select(c => c.ToString()), Is.EqualTo(expected.Routes.Select(c => c.ToString())));
        Assert.That(actual.RecordRoutes.Select(c => c.ToString()), Is.EqualTo(expected.RecordRoutes.Select(c => c.ToString())));
        Assert.That(actual.MaxForwards, Is.EqualTo(expected.MaxForwards));
        Assert.That(actual.Body.ToArray(), Is.EqualTo(expected.Body.ToArray()));
        // Content-Length is rewritten last from the body; every other field keeps its order and value.
        Assert.That(actual.Headers.Where(h => h.Id != SipHeaderId.ContentLength).Select(h => h.Value),
            Is.EqualTo(expected.Headers.Where(h => h.Id != SipHeaderId.ContentLength).Select(h => h.Value)));
    }
}
