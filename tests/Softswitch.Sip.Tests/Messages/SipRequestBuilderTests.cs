using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Tests.Messages;

[Description("RFC 3261 §8.1.1")]
public class SipRequestBuilderTests
{
    [Test]
    public void Built_invite_parses_with_all_mandatory_headers()
    {
        var builder = new SipRequestBuilder(SipMethod.Invite, SipUri.Parse("sip:1001@pbx.example.com"))
            .WithVia("UDP", "192.0.2.10", 5060)
            .WithFrom(new NameAddress(SipUri.Sip("2000", "pbx.example.com"), "Reception"))
            .WithTo(new NameAddress(SipUri.Sip("1001", "pbx.example.com")))
            .WithCSeq(7)
            .WithContact(new NameAddress(SipUri.Sip("2000", "192.0.2.10", 5060)))
            .AddRoute(NameAddress.Parse("<sip:proxy.example.com;lr>"))
            .AddHeader("Supported", "timer")
            .WithBody("application/sdp", Encoding.ASCII.GetBytes(SampleMessages.Sdp));

        var request = SampleMessages.ParseRequest(Encoding.UTF8.GetString(builder.ToBytes()));

        Assert.That(request.Method, Is.EqualTo(SipMethod.Invite));
        Assert.That(request.RequestUri.ToString(), Is.EqualTo("sip:1001@pbx.example.com"));
        Assert.That(request.TopVia.Branch, Does.StartWith("z9hG4bK").And.Length.GreaterThan(14));
        Assert.That(request.TopVia.HasRPort, Is.True);
        Assert.That(request.From.Tag, Is.Not.Null.And.Length.GreaterThanOrEqualTo(8));
        Assert.That(request.From.DisplayName, Is.EqualTo("Reception"));
        Assert.That(request.To.Tag, Is.Null);
        Assert.That(request.CallId, Is.EqualTo(builder.CallId));
        Assert.That(request.CSeq, Is.EqualTo(new CSeqHeader(7, SipMethod.Invite)));
        Assert.That(request.MaxForwards, Is.EqualTo(70));
        Assert.That(request.Routes.Single().Uri.IsLooseRouter, Is.True);
        Assert.That(request.Contacts.Single().Uri.Port, Is.EqualTo(5060));
        Assert.That(request.GetFirstHeaderValue("Supported"), Is.EqualTo("timer"));
        Assert.That(Encoding.ASCII.GetString(request.Body.Span), Is.EqualTo(SampleMessages.Sdp));
    }

    [Test]
    public void Given_tag_call_id_and_branch_are_kept()
    {
        var bytes = new SipRequestBuilder(SipMethod.Bye, SipUri.Parse("sip:alice@192.0.2.1"))
            .WithVia(ViaHeader.Create("TCP", "192.0.2.10", 5060, "z9hG4bKfixed", requestRPort: false))
            .WithFrom(NameAddress.Parse("<sip:bob@example.com>;tag=mine"))
            .WithTo(NameAddress.Parse("<sip:alice@example.com>;tag=theirs"))
            .WithCallId("call-1")
            .WithCSeq(2)
            .WithMaxForwards(10)
            .ToBytes();

        var request = SampleMessages.ParseRequest(Encoding.UTF8.GetString(bytes));

        Assert.That(request.TopVia.Branch, Is.EqualTo("z9hG4bKfixed"));
        Assert.That(request.TopVia.HasRPort, Is.False);
        Assert.That(request.From.Tag, Is.EqualTo("mine"));
        Assert.That(request.To.Tag, Is.EqualTo("theirs"));
        Assert.That(request.CallId, Is.EqualTo("call-1"));
        Assert.That(request.MaxForwards, Is.EqualTo(10));
        Assert.That(request.ContentLength, Is.Zero);
    }

    [Test]
    public void Request_without_via_is_a_programming_error()
    {
        var builder = new SipRequestBuilder(SipMethod.Options, SipUri.Parse("sip:example.com"))
            .WithFrom(NameAddress.Parse("<sip:a@example.com>")).WithTo(NameAddress.Parse("<sip:b@example.com>"));
        Assert.That(() => builder.ToBytes(), Throws.InvalidOperationException);
    }

    [Test]
    public void Generated_ids_are_unique_and_well_formed()
    {
        var branches = Enumerable.Range(0, 1000).Select(_ => SipIds.NewBranch()).ToList();

        Assert.That(branches, Is.Unique);
        Assert.That(branches, Has.All.StartWith("z9hG4bK"));
        Assert.That(SipIds.NewTag(), Has.Length.EqualTo(16));
        Assert.That(SipIds.NewCallId("host.example.com"), Does.EndWith("@host.example.com"));
    }

    [Test]
    public void Messages_longer_than_the_writers_scratch_buffer_and_short_ones_after_them_come_out_whole()
    {
        var body = Encoding.ASCII.GetBytes(new string('x', 9000));
        var longOne = new SipRequestBuilder(SipMethod.Message, SipUri.Parse("sip:1001@pbx.example.com"))
            .WithVia("UDP", "192.0.2.10", 5060)
            .WithFrom(new NameAddress(SipUri.Sip("2000", "pbx.example.com")))
            .WithTo(new NameAddress(SipUri.Sip("1001", "pbx.example.com")))
            .WithBody("text/plain", body);
        var shortOne = new SipRequestBuilder(SipMethod.Options, SipUri.Parse("sip:1001@pbx.example.com"))
            .WithVia("UDP", "192.0.2.10", 5060)
            .WithFrom(new NameAddress(SipUri.Sip("2000", "pbx.example.com")))
            .WithTo(new NameAddress(SipUri.Sip("1001", "pbx.example.com")));

        var longBytes = longOne.ToBytes();
        var first = SampleMessages.ParseRequest(Encoding.UTF8.GetString(longBytes));
        var second = SampleMessages.ParseRequest(Encoding.UTF8.GetString(shortOne.ToBytes()));
        var again = longOne.ToBytes();

        Assert.That(first.Body.ToArray(), Is.EqualTo(body));
        Assert.That(second.Method, Is.EqualTo(SipMethod.Options));
        Assert.That(second.Body.Length, Is.Zero);
        Assert.That(again, Is.EqualTo(longBytes), "rendered again, with the thread's scratch buffer now grown");
    }
}
