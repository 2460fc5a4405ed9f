using Softswitch.Calls.Supervision;

namespace Softswitch.Calls.Tests.Supervision;

public sealed class CallTimeoutRuleTests
{
    private static readonly CallLimits s_limits = new()
    {
        RtpTimeout = TimeSpan.FromSeconds(60),
        HoldTimeout = TimeSpan.FromSeconds(3600),
        MaxCallLength = TimeSpan.FromSeconds(14400),
    };

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(seconds);

    [Test]
    public void A_call_heard_recently_goes_on() =>
        Assert.That(CallTimeoutRule.Decide(s_limits, Seconds(600), Seconds(59), onHold: false), Is.EqualTo(CallTimeout.None));

    [Test]
    public void A_call_not_heard_for_the_rtp_timeout_ends() =>
        Assert.That(CallTimeoutRule.Decide(s_limits, Seconds(600), Seconds(60), onHold: false), Is.EqualTo(CallTimeout.Rtp));

    [Test]
    public void A_held_call_outlives_the_rtp_timeout_until_the_hold_timeout()
    {
        Assert.That(CallTimeoutRule.Decide(s_limits, Seconds(600), Seconds(3599), onHold: true), Is.EqualTo(CallTimeout.None));
        Assert.That(CallTimeoutRule.Decide(s_limits, Seconds(4000), Seconds(3600), onHold: true), Is.EqualTo(CallTimeout.Hold));
    }

    [Test]
    public void A_call_that_keeps_sending_ends_at_the_maximum_length() =>
        Assert.That(CallTimeoutRule.Decide(s_limits, Seconds(14400), Seconds(0), onHold: false), Is.EqualTo(CallTimeout.MaxCallLength));

    [Test]
    public void Zero_turns_each_limit_off()
    {
        var off = new CallLimits { RtpTimeout = TimeSpan.Zero, HoldTimeout = TimeSpan.Zero, MaxCallLength = TimeSpan.Zero };

        Assert.That(CallTimeoutRule.Decide(off, Seconds(1e6), Seconds(1e6), onHold: false), Is.EqualTo(CallTimeout.None));
        Assert.That(CallTimeoutRule.Decide(off, Seconds(1e6), Seconds(1e6), onHold: true), Is.EqualTo(CallTimeout.None));
    }

    [Test, Description("RFC 3326 §2: Reason: SIP;cause=...;text=\"...\"")]
    public void The_bye_reason_names_the_cause()
    {
        Assert.That(CallTimeoutRule.ReasonHeader(CallTimeout.Rtp), Is.EqualTo("SIP;cause=408;text=\"RTP timeout\""));
        Assert.That(CallTimeoutRule.ReasonHeader(CallTimeout.MaxCallLength), Does.StartWith("SIP;cause=200;text="));
    }
}
