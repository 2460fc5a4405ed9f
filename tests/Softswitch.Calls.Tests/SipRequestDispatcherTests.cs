using Softswitch.Calls.Tests.Support;

namespace Softswitch.Calls.Tests;

/// <summary>Every request gets a final answer, never silence.</summary>
public sealed class SipRequestDispatcherTests
{
    private SignallingHarness _switch = null!;

    [SetUp]
    public void SetUp() => _switch = new SignallingHarness();

    [TearDown]
    public async Task TearDown() => await _switch.DisposeAsync();

    private static string Request(string method, string extraHeaders = "", string? toTag = null) =>
        $"{method} sip:1002@softswitch.test SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.5:40404;branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:1001@softswitch.test>;tag=abc\r\n" +
        $"To: <sip:1002@softswitch.test>{(toTag is null ? "" : ";tag=" + toTag)}\r\n" +
        $"Call-ID: {Guid.NewGuid():N}\r\n" +
        $"CSeq: 1 {method}\r\n" + extraHeaders +
        "Content-Length: 0\r\n\r\n";

    [Test, Description("RFC 3261 §11.2")]
    public async Task Options_is_answered_200_with_allow_accept_and_supported()
    {
        var response = await _switch.SendAsync(Request("OPTIONS"));

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.GetHeaderValues("Allow"), Is.SupersetOf(new[] { "INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REGISTER" }));
        Assert.That(response.GetFirstHeaderValue("Accept"), Is.EqualTo("application/sdp"));
        Assert.That(response.GetHeaderValues("Supported"), Is.EquivalentTo(new[] { "replaces", "timer" }));
        Assert.That(response.GetHeaderValues("Allow"), Is.SupersetOf(new[] { "UPDATE", "REFER", "NOTIFY", "PRACK" }), "served in a dialog");
    }

    [Test]
    public async Task Invite_gets_a_final_480_until_calls_are_served()
    {
        var response = await _switch.SendAsync(Request("INVITE"));
        Assert.That(response.StatusCode, Is.EqualTo(480));
        Assert.That(response.To.Tag, Is.Not.Null);
    }

    [Test, Description("RFC 3261 §15.1.2: BYE for a dialog we do not have")]
    public async Task Bye_outside_a_dialog_gets_481()
    {
        var response = await _switch.SendAsync(Request("BYE", toTag: "x1"));
        Assert.That(response.StatusCode, Is.EqualTo(481));
    }

    [Test, Description("RFC 3261 §9.2")]
    public async Task Cancel_without_its_invite_gets_481()
    {
        var response = await _switch.SendAsync(Request("CANCEL"));
        Assert.That(response.StatusCode, Is.EqualTo(481));
    }

    [Test, Description("RFC 3261 §8.2.1: a method we do not know at all")]
    public async Task An_unknown_method_gets_501_with_allow()
    {
        var response = await _switch.SendAsync(Request("FROB"));
        Assert.That(response.StatusCode, Is.EqualTo(501));
        Assert.That(response.HasHeader("Allow"), Is.True);
    }

    [Test, Description("RFC 3261 §8.2.1: a method we know but do not serve")]
    public async Task A_known_unserved_method_gets_405_with_allow()
    {
        var response = await _switch.SendAsync(Request("PUBLISH", "Event: presence\r\n"));
        Assert.That(response.StatusCode, Is.EqualTo(405));
        Assert.That(response.GetHeaderValues("Allow"), Does.Not.Contain("PUBLISH"));
    }

    [Test, Description("RFC 6665 §8.2.2: Allow-Events names the packages we notify")]
    public async Task Options_lists_subscribe_notify_and_the_dialog_event_package()
    {
        var response = await _switch.SendAsync(Request("OPTIONS"));

        Assert.That(response.GetHeaderValues("Allow"), Is.SupersetOf(new[] { "SUBSCRIBE", "NOTIFY" }));
        Assert.That(response.GetFirstHeaderValue("Allow-Events"), Is.EqualTo("dialog"));
    }

    [Test, Description("RFC 6665 §4.2.1.1")]
    public async Task Subscribe_to_a_dispatcher_without_a_notifier_gets_489()
    {
        var response = await _switch.SendAsync(Request("SUBSCRIBE", "Event: dialog\r\n"));
        Assert.That(response.StatusCode, Is.EqualTo(489));
    }

    [Test, Description("RFC 3261 §8.2.2.3")]
    public async Task A_required_extension_we_lack_gets_420_naming_it()
    {
        var response = await _switch.SendAsync(Request("OPTIONS", "Require: 100rel, timer, foo\r\n"));
        Assert.That(response.StatusCode, Is.EqualTo(420));
        Assert.That(response.GetHeaderValues("Unsupported"), Is.EqualTo(new[] { "100rel", "foo" }), "timer is ours; 100rel only as a UAC");
    }

    [Test, Description("RFC 3261 §8.2.2.3, RFC 3891, RFC 4028: the extensions Supported lists are accepted in Require")]
    public async Task Required_replaces_and_timer_are_accepted()
    {
        var response = await _switch.SendAsync(Request("OPTIONS", "Require: replaces, timer\r\n"));
        Assert.That(response.StatusCode, Is.EqualTo(200));
    }
}
