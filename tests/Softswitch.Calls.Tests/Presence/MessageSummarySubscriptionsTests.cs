using System.Text;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Presence;

/// <summary>Message waiting (RFC 3842) on the subscription machinery: a phone subscribes to its own mailbox and hears each change.</summary>
public sealed class MessageSummarySubscriptionsTests
{
    private FakeMailboxes _mailboxes = null!;
    private SubscriptionHarness _harness = null!;

    [SetUp]
    public void SetUp()
    {
        _mailboxes = new FakeMailboxes("1001", "1002");
        _harness = new SubscriptionHarness(messageWaiting: _mailboxes);
    }

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test, Description("RFC 3842 §3.2, §5.2; RFC 6665 §4.2.1.1")]
    public async Task A_phone_subscribed_to_its_own_mailbox_gets_200_and_at_once_the_counts()
    {
        _mailboxes.Set("1001", 0, 2);

        var ok = _harness.SubscribeAuthenticated(watched: "1001", subscriber: "1001", @event: "message-summary", callId: "mwi-1");

        Assert.That(ok.StatusCode, Is.EqualTo(200));
        Assert.That(ok.GetHeaderValues(SipHeaderId.AllowEvents), Is.EqualTo(new[] { "dialog", "message-summary" }));
        var notify = await _harness.NotifyAsync(1);
        Assert.Multiple(() =>
        {
            Assert.That(notify.CallId, Is.EqualTo("mwi-1"));
            Assert.That(notify.GetFirstHeaderValue("Event"), Is.EqualTo("message-summary"));
            Assert.That(notify.GetFirstHeaderValue("Subscription-State"), Is.EqualTo("active;expires=600"));
            Assert.That(notify.ContentType, Is.EqualTo("application/simple-message-summary"));
            Assert.That(Encoding.UTF8.GetString(notify.Body.Span), Is.EqualTo(
                "Messages-Waiting: no\r\nMessage-Account: sip:1001@softswitch.test\r\nVoice-Message: 0/2\r\n"));
        });
    }

    [Test, Description("RFC 3842 §3.5: a NOTIFY on each change of the mailbox")]
    public async Task A_new_message_then_a_deleted_one_each_send_the_counts_of_that_moment()
    {
        _harness.SubscribeAuthenticated(watched: "1001", subscriber: "1001", @event: "message-summary", callId: "mwi-1");
        await _harness.NotifyAsync(1);
        _harness.AnswerNotifies();

        _mailboxes.Set("1001", 1, 0);
        var waiting = await _harness.NotifyAsync(2);
        _harness.AnswerNotifies();
        _mailboxes.Set("1001", 0, 0);
        var none = await _harness.NotifyAsync(3);

        Assert.That(Encoding.UTF8.GetString(waiting.Body.Span), Does.Contain("Messages-Waiting: yes\r\n").And.Contain("Voice-Message: 1/0\r\n"));
        Assert.That(Encoding.UTF8.GetString(none.Body.Span), Does.Contain("Messages-Waiting: no\r\n").And.Contain("Voice-Message: 0/0\r\n"));
        Assert.That(none.CSeq.Number, Is.GreaterThan(waiting.CSeq.Number));
    }

    [Test]
    public async Task Another_mailbox_changing_sends_nothing_and_neither_does_a_busy_lamp_change()
    {
        _harness.SubscribeAuthenticated(watched: "1001", subscriber: "1001", @event: "message-summary", callId: "mwi-1");
        await _harness.NotifyAsync(1);
        _harness.AnswerNotifies();

        _mailboxes.Set("1002", 3, 0);

        Assert.That(_harness.Notifies, Has.Count.EqualTo(1));
        Assert.That(_harness.Subscriptions.Watches("1001"), Is.False, "a mailbox subscriber does not make the board copy dialogs");
    }

    [Test]
    public void A_phone_may_not_watch_another_extensions_mailbox()
    {
        var response = _harness.SubscribeAuthenticated(watched: "1001", subscriber: "1002", @event: "message-summary");

        Assert.That(response.StatusCode, Is.EqualTo(403));
        Assert.That(_harness.Subscriptions.Count, Is.Zero);
    }

    [Test]
    public void An_extension_without_a_mailbox_gets_404()
    {
        Assert.That(_harness.SubscribeAuthenticated(watched: "1003", subscriber: "1003", @event: "message-summary").StatusCode, Is.EqualTo(404));
    }

    [Test]
    public void A_subscriber_that_accepts_only_dialog_info_gets_406_naming_the_summary_type()
    {
        var response = _harness.SubscribeAuthenticated(watched: "1001", subscriber: "1001", @event: "message-summary", accept: "application/dialog-info+xml");

        Assert.That(response.StatusCode, Is.EqualTo(406));
        Assert.That(response.GetFirstHeaderValue("Accept"), Is.EqualTo("application/simple-message-summary"));
    }

    [Test, Description("RFC 6665 §4.2.1.2: Expires: 0 ends it with a final NOTIFY")]
    public async Task Unsubscribing_ends_with_a_terminated_notify_that_still_carries_the_counts()
    {
        var ok = _harness.SubscribeAuthenticated(watched: "1001", subscriber: "1001", @event: "message-summary", callId: "mwi-1");
        await _harness.NotifyAsync(1);
        _harness.AnswerNotifies();
        _mailboxes.Set("1001", 1, 0);
        await _harness.NotifyAsync(2);
        _harness.AnswerNotifies();

        var bye = _harness.Send(_harness.Subscribe(watched: "1001", subscriber: "1001", expires: "0", @event: "message-summary", toTag: ok.To.Tag, callId: "mwi-1"));
        var last = await _harness.NotifyAsync(3);

        Assert.That(bye.StatusCode, Is.EqualTo(200));
        Assert.That(last.GetFirstHeaderValue("Subscription-State"), Does.StartWith("terminated"));
        Assert.That(Encoding.UTF8.GetString(last.Body.Span), Does.Contain("Voice-Message: 1/0"));
        Assert.That(_harness.Subscriptions.Count, Is.Zero);
    }
}
