using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Legs;

/// <summary>
/// The shutdown drain (SIGTERM): new calls get 503 with Retry-After, calls in progress may end on their own within the
/// grace period, and the ones left are hung up with BYE and release their media.
/// </summary>
public sealed class CallDrainTests : EchoCallFixture
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    [Test, Description("RFC 3261 §21.5.4")]
    public async Task During_the_drain_a_new_invite_gets_503_with_retry_after()
    {
        var up = await AnsweredCallAsync();
        var drain = Switch.Drain.DrainAsync(Grace, CancellationToken.None);

        var late = new SipCall(Switch, "1002", Echo);
        late.SendInviteWithoutCredentials(PhoneSdp.Create(Phone, 1));
        var refused = await late.WaitForResponseAsync(r => r.StatusCode >= 200, "final response to the INVITE");

        Assert.That(refused.StatusCode, Is.EqualTo(503));
        Assert.That(refused.GetFirstHeaderValue("Retry-After"), Is.Not.Null.And.Not.Empty);
        Assert.That(Switch.CallRegistry.Count, Is.EqualTo(1), "only the call in progress");
        await up.ByeAsync();
        await drain;
    }

    [Test]
    public async Task A_call_still_up_when_the_grace_period_ends_gets_bye_and_frees_its_ports()
    {
        var call = await AnsweredCallAsync();
        var drain = Switch.Drain.DrainAsync(Grace, CancellationToken.None);
        Assert.That(drain.IsCompleted, Is.False, "the call has its grace period");
        var sentBefore = Switch.Sent().Count;

        Switch.Time.Advance(Grace);
        var bye = await call.WaitForByeAndAnswerAsync();
        await drain.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(bye.Method, Is.EqualTo(SipMethod.Bye));
        Assert.That(Switch.Sent().Skip(sentBefore).OfType<SipRequest>().Count(r => r.Method == SipMethod.Bye), Is.EqualTo(1));
        await Switch.WaitForPortsReleasedAsync();
        Assert.That(Switch.CallRegistry.Count, Is.Zero);
    }

    [Test]
    public async Task A_call_that_hangs_up_within_the_grace_period_ends_normally_and_gets_no_bye()
    {
        var call = await AnsweredCallAsync();
        var drain = Switch.Drain.DrainAsync(Grace, CancellationToken.None);

        var answer = await call.ByeAsync();
        await drain.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(answer.StatusCode, Is.EqualTo(200), "the caller's BYE is answered during the drain");
        Assert.That(Switch.Sent().OfType<SipRequest>().Any(r => r.Method == SipMethod.Bye), Is.False);
        await Switch.WaitForPortsReleasedAsync();
        Assert.That(Switch.CallRegistry.Count, Is.Zero);
    }

    [Test]
    public async Task A_drain_with_no_calls_in_progress_is_over_at_once()
    {
        var drain = Switch.Drain.DrainAsync(Grace, CancellationToken.None);
        await drain.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(Switch.CallRegistry.IsClosed, Is.True);
    }

    private async Task<SipCall> AnsweredCallAsync()
    {
        var call = new SipCall(Switch, "1001", Echo);
        var final = await call.CallAsync(PhoneSdp.Create(Phone, 1));
        Assert.That(final.StatusCode, Is.EqualTo(200));
        call.Ack();
        return call;
    }
}
