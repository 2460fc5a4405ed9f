using System.Text;
using Softswitch.Calls.Presence;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Presence;

/// <summary>The dialog-event notifier's subscription lifecycle: grant, first NOTIFY, changes, refresh, unsubscribe, expiry, failures.</summary>
public sealed class DialogSubscriptionsTests
{
    private SubscriptionHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new SubscriptionHarness();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test, Description("RFC 6665 §4.2.1.1, §4.2.2; RFC 4235 §4.1")]
    public async Task An_authenticated_subscribe_gets_200_and_at_once_a_full_state_notify_with_version_0()
    {
        var ok = _harness.SubscribeAuthenticated(expires: "600");

        Assert.That(ok.StatusCode, Is.EqualTo(200));
        Assert.That(ok.To.Tag, Is.Not.Null, "the 200 makes the subscription dialog");
        Assert.That(ok.GetFirstHeaderValue("Expires"), Is.EqualTo("600"));
        Assert.That(ok.Contacts, Has.Count.EqualTo(1));
        var notify = await _harness.NotifyAsync(1);
        var body = Encoding.UTF8.GetString(notify.Body.Span);
        Assert.Multiple(() =>
        {
            Assert.That(notify.CallId, Is.EqualTo("blf-1"));
            Assert.That(notify.From.Tag, Is.EqualTo(ok.To.Tag), "the NOTIFY is in the subscription's dialog");
            Assert.That(notify.To.Tag, Is.EqualTo("phone-1002"));
            Assert.That(notify.RequestUri.ToString(), Is.EqualTo("sip:1002@127.0.0.5:40404"), "to the subscriber's Contact");
            Assert.That(notify.GetFirstHeaderValue("Event"), Is.EqualTo("dialog"));
            Assert.That(notify.GetFirstHeaderValue("Subscription-State"), Is.EqualTo("active;expires=600"));
            Assert.That(notify.ContentType, Is.EqualTo("application/dialog-info+xml"));
            Assert.That(body, Does.Contain("version=\"0\"").And.Contain("state=\"full\"").And.Contain("entity=\"sip:1001@softswitch.test\""));
            Assert.That(body, Does.Not.Contain("<dialog "), "1001 is idle");
            Assert.That(_harness.Subscriptions.Count, Is.EqualTo(1));
        });
    }

    [TestCase("presence")]
    [TestCase("message-summary")]
    public void Another_event_package_gets_489_with_allow_events(string package)
    {
        var response = _harness.Send(_harness.Subscribe(@event: package));

        Assert.That(response.StatusCode, Is.EqualTo(489));
        Assert.That(response.GetFirstHeaderValue("Allow-Events"), Is.EqualTo("dialog"));
    }

    [Test]
    public void A_subscribe_for_an_unknown_extension_gets_404_once_authenticated()
    {
        Assert.That(_harness.SubscribeAuthenticated(watched: "4999").StatusCode, Is.EqualTo(404));
        Assert.That(_harness.Subscriptions.Count, Is.Zero);
    }

    [Test]
    public void A_subscribe_for_another_domain_gets_404()
    {
        Assert.That(_harness.Send(_harness.Subscribe(host: "evil.example.com")).StatusCode, Is.EqualTo(404));
    }

    [Test]
    public void A_subscriber_that_accepts_no_dialog_info_gets_406()
    {
        Assert.That(_harness.SubscribeAuthenticated(accept: "application/pidf+xml").StatusCode, Is.EqualTo(406));
    }

    [Test, Description("RFC 6665 §4.2.1.1: 423 Interval Too Brief with Min-Expires")]
    public void A_too_short_interval_gets_423_with_min_expires_and_a_too_long_one_is_shortened()
    {
        var brief = _harness.SubscribeAuthenticated(expires: "30", callId: "brief");
        var longOne = _harness.SubscribeAuthenticated(expires: "86400", callId: "long");

        Assert.That(brief.StatusCode, Is.EqualTo(423));
        Assert.That(brief.GetFirstHeaderValue("Min-Expires"), Is.EqualTo("60"));
        Assert.That(longOne.StatusCode, Is.EqualTo(200));
        Assert.That(longOne.GetFirstHeaderValue("Expires"), Is.EqualTo("3600"));
    }

    [Test, Description("RFC 4235 §3.2: 3600 s when the SUBSCRIBE names no Expires")]
    public void No_expires_gets_the_default()
    {
        Assert.That(_harness.SubscribeAuthenticated(expires: null).GetFirstHeaderValue("Expires"), Is.EqualTo("3600"));
    }

    [Test, Description("RFC 4235 §4.1.1: version counts up per NOTIFY")]
    public async Task Each_change_of_the_watched_extension_sends_a_notify_and_other_extensions_send_none()
    {
        _harness.SubscribeAuthenticated();
        await _harness.NotifyAsync(1);
        _harness.AnswerNotifies();

        _harness.Board.Report("1003", new DialogActivity("other", DialogDirection.Initiator, DialogState.Confirmed, "sip:1004@softswitch.test"));
        _harness.Board.Report("1001", new DialogActivity("call-a", DialogDirection.Recipient, DialogState.Early, "sip:1003@softswitch.test", "Three"));
        var ringing = await _harness.NotifyAsync(2);
        _harness.AnswerNotifies();
        _harness.Board.Report("1001", new DialogActivity("call-a", DialogDirection.Recipient, DialogState.Confirmed, "sip:1003@softswitch.test", "Three"));
        var talking = await _harness.NotifyAsync(3);

        var body = Encoding.UTF8.GetString(ringing.Body.Span);
        Assert.That(body, Does.Contain("version=\"1\"").And.Contain("<state>early</state>").And.Contain("direction=\"recipient\"")
            .And.Contain("display=\"Three\""));
        Assert.That(Encoding.UTF8.GetString(talking.Body.Span), Does.Contain("version=\"2\"").And.Contain("<state>confirmed</state>"));
        Assert.That(talking.CSeq.Number, Is.GreaterThan(ringing.CSeq.Number));
        await Task.Delay(100);
        Assert.That(_harness.Notifies, Has.Count.EqualTo(3), "1003's call is not 1001's business");
    }

    [Test]
    public async Task While_a_notify_is_unanswered_the_next_waits_and_a_burst_becomes_one_notify_with_the_newest_state()
    {
        _harness.SubscribeAuthenticated();
        await _harness.NotifyAsync(1);

        _harness.Board.Report("1001", new DialogActivity("call-a", DialogDirection.Initiator, DialogState.Trying, "sip:1002@softswitch.test"));
        _harness.Board.Report("1001", new DialogActivity("call-a", DialogDirection.Initiator, DialogState.Early, "sip:1002@softswitch.test"));
        _harness.Board.Report("1001", new DialogActivity("call-a", DialogDirection.Initiator, DialogState.Confirmed, "sip:1002@softswitch.test"));
        await Task.Delay(200);
        Assert.That(_harness.Notifies, Has.Count.EqualTo(1), "nothing more while the first NOTIFY is unanswered");

        _harness.AnswerNotifies();
        var next = await _harness.NotifyAsync(2);
        Assert.That(Encoding.UTF8.GetString(next.Body.Span), Does.Contain("version=\"1\"").And.Contain("<state>confirmed</state>"));
        _harness.AnswerNotifies();
        await Task.Delay(100);
        Assert.That(_harness.Notifies, Has.Count.EqualTo(2));
    }

    [Test, Description("RFC 6665 §4.2.1.2: a refresh gets 200 and a NOTIFY")]
    public async Task A_refresh_in_the_dialog_extends_the_subscription()
    {
        var ok = _harness.SubscribeAuthenticated(expires: "600");
        await _harness.NotifyAsync(1);
        _harness.AnswerNotifies();
        _harness.Time.Advance(TimeSpan.FromSeconds(500));

        var refreshed = _harness.Send(_harness.Subscribe(expires: "1200", toTag: ok.To.Tag));
        var notify = await _harness.NotifyAsync(2);
        _harness.AnswerNotifies();
        _harness.Time.Advance(TimeSpan.FromSeconds(200)); // past the first grant, within the second

        Assert.That(refreshed.StatusCode, Is.EqualTo(200));
        Assert.That(refreshed.GetFirstHeaderValue("Expires"), Is.EqualTo("1200"));
        Assert.That(notify.GetFirstHeaderValue("Subscription-State"), Is.EqualTo("active;expires=1200"));
        Assert.That(_harness.Subscriptions.Count, Is.EqualTo(1));
        Assert.That(_harness.Notifies, Has.Count.EqualTo(2), "no expiry NOTIFY");
    }

    [Test, Description("RFC 6665 §4.2.1.4: Expires: 0 ends it with a final NOTIFY")]
    public async Task An_unsubscribe_gets_200_and_a_terminated_notify_and_then_nothing_more()
    {
        var ok = _harness.SubscribeAuthenticated();
        await _harness.NotifyAsync(1);
        _harness.AnswerNotifies();

        var response = _harness.Send(_harness.Subscribe(expires: "0", toTag: ok.To.Tag));
        var final = await _harness.NotifyAsync(2);
        _harness.AnswerNotifies();
        _harness.Board.Report("1001", new DialogActivity("call-a", DialogDirection.Initiator, DialogState.Trying, "sip:1002@softswitch.test"));
        await Task.Delay(100);

        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.GetFirstHeaderValue("Expires"), Is.EqualTo("0"));
        Assert.That(final.GetFirstHeaderValue("Subscription-State"), Does.StartWith("terminated"));
        Assert.That(_harness.Notifies, Has.Count.EqualTo(2));
        Assert.That(_harness.Subscriptions.Count, Is.Zero);
        Assert.That(_harness.Send(_harness.Subscribe(expires: "600", toTag: ok.To.Tag)).StatusCode, Is.EqualTo(481), "the dialog is gone");
    }

    [Test, Description("RFC 6665 §4.4.3: a SUBSCRIBE with Expires: 0 fetches the state once")]
    public async Task A_fetch_gets_one_terminated_notify_and_leaves_no_subscription()
    {
        _harness.Board.Report("1001", new DialogActivity("call-a", DialogDirection.Initiator, DialogState.Confirmed, "sip:*43@softswitch.test"));

        var ok = _harness.SubscribeAuthenticated(expires: "0");
        var notify = await _harness.NotifyAsync(1);

        Assert.That(ok.StatusCode, Is.EqualTo(200));
        Assert.That(notify.GetFirstHeaderValue("Subscription-State"), Is.EqualTo("terminated;reason=timeout"));
        Assert.That(Encoding.UTF8.GetString(notify.Body.Span), Does.Contain("<state>confirmed</state>"));
        Assert.That(_harness.Subscriptions.Count, Is.Zero);
    }

    [Test, Description("RFC 6665 §4.2.2: expiry ends the subscription with reason=timeout")]
    public async Task A_subscription_not_refreshed_expires_with_a_terminated_notify()
    {
        _harness.SubscribeAuthenticated(expires: "600");
        await _harness.NotifyAsync(1);
        _harness.AnswerNotifies();

        _harness.Time.Advance(TimeSpan.FromSeconds(599));
        Assert.That(_harness.Notifies, Has.Count.EqualTo(1));
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var final = await _harness.NotifyAsync(2);

        Assert.That(final.GetFirstHeaderValue("Subscription-State"), Is.EqualTo("terminated;reason=timeout"));
        Assert.That(_harness.Subscriptions.Count, Is.Zero);
    }

    [TestCase(481)]
    [TestCase(408)]
    [Description("RFC 6665 §4.2.2: a NOTIFY answered 481 or 408 removes the subscription")]
    public async Task A_notify_answered_481_or_408_ends_the_subscription(int status)
    {
        _harness.SubscribeAuthenticated();
        await _harness.NotifyAsync(1);

        _harness.AnswerNotifies(status);
        _harness.Board.Report("1001", new DialogActivity("call-a", DialogDirection.Initiator, DialogState.Trying, "sip:1002@softswitch.test"));
        await Task.Delay(100);

        Assert.That(_harness.Subscriptions.Count, Is.Zero);
        Assert.That(_harness.Notifies, Has.Count.EqualTo(1));
    }

    [Test, Description("RFC 3261 §17.1.2.2 Timer F; RFC 6665 §4.2.2")]
    public async Task A_notify_never_answered_ends_the_subscription_when_its_transaction_times_out()
    {
        _harness.SubscribeAuthenticated();
        await _harness.NotifyAsync(1);

        for (var i = 0; i < 40; i++) _harness.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(_harness.Subscriptions.Count, Is.Zero);
    }

    [Test]
    public void A_non_subscribe_request_in_a_subscription_dialog_gets_405()
    {
        var ok = _harness.SubscribeAuthenticated();
        var info = _harness.Subscribe(toTag: ok.To.Tag).Replace("SUBSCRIBE sip:", "INFO sip:", StringComparison.Ordinal)
            .Replace(" SUBSCRIBE\r\n", " INFO\r\n", StringComparison.Ordinal);

        Assert.That(_harness.Send(info).StatusCode, Is.EqualTo(405));
    }

    [Test, Description("RFC 6665 §8.2.1: the id parameter is echoed in every NOTIFY")]
    public async Task The_event_id_is_repeated_in_each_notify()
    {
        _harness.SubscribeAuthenticated(@event: "dialog;id=7");

        var notify = await _harness.NotifyAsync(1);

        Assert.That(notify.GetFirstHeaderValue("Event"), Is.EqualTo("dialog;id=7"));
    }
}
