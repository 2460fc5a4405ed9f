using Softswitch.Sip.Dialogs;
using static Softswitch.Sip.Tests.Dialogs.ClientSessionRig;

namespace Softswitch.Sip.Tests.Dialogs;

public sealed class ReplacesTests
{
    [Test, Description("RFC 3891 §6.1")]
    public void Replaces_value_is_read_with_both_tags_and_early_only()
    {
        Assert.That(ReplacesHeader.TryParse("98732@sip.example.com ; From-Tag=r33th4x0r;to-tag=12345;early-only", out var header), Is.True);

        Assert.That(header!.CallId, Is.EqualTo("98732@sip.example.com"));
        Assert.That(header.ToTag, Is.EqualTo("12345"));
        Assert.That(header.FromTag, Is.EqualTo("r33th4x0r"));
        Assert.That(header.EarlyOnly, Is.True);
        Assert.That(header.ToString(), Is.EqualTo("98732@sip.example.com;to-tag=12345;from-tag=r33th4x0r;early-only"));
    }

    [TestCase("")]
    [TestCase("abc@host")]
    [TestCase("abc@host;to-tag=1")]
    [TestCase("abc@host;from-tag=1")]
    [TestCase(";to-tag=1;from-tag=2")]
    [TestCase("abc@host;to-tag=;from-tag=2")]
    [Description("RFC 3891 §6.1: both tags are mandatory")]
    public void Replaces_value_without_call_id_or_a_tag_is_refused(string value)
    {
        Assert.That(ReplacesHeader.TryParse(value, out _), Is.False);
    }

    [Test, Description("RFC 3891 §3: to-tag is our tag, from-tag the peer's")]
    public void Router_finds_the_answering_session_a_replaces_names()
    {
        var rig = new SessionRig();
        var session = rig.StartConfirmed();

        var match = rig.Router.FindReplaced(new ReplacesHeader(session.CallId, session.LocalTag, DialogMessages.CallerTag, false), out var found);
        var swapped = rig.Router.FindReplaced(new ReplacesHeader(session.CallId, DialogMessages.CallerTag, session.LocalTag, false), out _);
        var earlyOnly = rig.Router.FindReplaced(new ReplacesHeader(session.CallId, session.LocalTag, DialogMessages.CallerTag, true), out _);

        Assert.That(match, Is.EqualTo(ReplacesMatch.Found));
        Assert.That(found, Is.SameAs(session));
        Assert.That(swapped, Is.EqualTo(ReplacesMatch.NoDialog));
        Assert.That(earlyOnly, Is.EqualTo(ReplacesMatch.AlreadyAnswered), "§3: early-only and confirmed is 486");
    }

    [Test, Description("RFC 3891 §3: a ringing answering session may be replaced")]
    public void Router_finds_a_ringing_session_for_early_only()
    {
        var rig = new SessionRig();
        var session = rig.Start(DialogMessages.Invite());
        session.Ring();

        var match = rig.Router.FindReplaced(new ReplacesHeader(session.CallId, session.LocalTag, DialogMessages.CallerTag, true), out var found);

        Assert.That(match, Is.EqualTo(ReplacesMatch.Found));
        Assert.That(found, Is.SameAs(session));
    }

    [Test, Description("RFC 3891 §3: a confirmed calling session is found by our From tag and the callee's To tag; an early one of ours is not")]
    public void Router_finds_a_confirmed_calling_session_but_not_an_early_one()
    {
        var rig = new ClientSessionRig();
        var session = rig.Start();
        rig.Answer(180);
        var early = rig.Router.FindReplaced(new ReplacesHeader(session.CallId, session.LocalTag, "callee-tag", false), out _);
        rig.Answer(200, body: DialogMessages.Sdp("sendrecv"));

        var match = rig.Router.FindReplaced(new ReplacesHeader(session.CallId, session.LocalTag, "callee-tag", false), out var found);

        Assert.That(early, Is.EqualTo(ReplacesMatch.NoDialog));
        Assert.That(match, Is.EqualTo(ReplacesMatch.Found));
        Assert.That(found, Is.SameAs(session));
    }
}
