using Microsoft.Extensions.Time.Testing;
using Softswitch.Calls.Supervision;

namespace Softswitch.Calls.Tests.Supervision;

public sealed class CallWatchdogTests
{
    private FakeTimeProvider _time = null!;
    private CallWatchdog _watchdog = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        _watchdog = new CallWatchdog(new CallLimits
        {
            RtpTimeout = TimeSpan.FromSeconds(60),
            HoldTimeout = TimeSpan.FromSeconds(3600),
            MaxCallLength = TimeSpan.FromSeconds(14400),
        }, _time);
    }

    [TearDown]
    public void TearDown() => _watchdog.Dispose();

    [Test]
    public void A_silent_call_is_ended_within_one_sweep_of_the_timeout()
    {
        var call = new WatchedCall(_time);
        _watchdog.Watch(call);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.That(call.Ended, Is.Empty);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(call.Ended, Is.EqualTo(new[] { CallTimeout.Rtp }));
        Assert.That(_watchdog.Count, Is.Zero, "an ended call is no longer watched");
    }

    [Test]
    public void A_call_that_keeps_sending_is_not_ended_by_the_rtp_timeout()
    {
        var call = new WatchedCall(_time);
        _watchdog.Watch(call);

        for (var i = 0; i < 300; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            call.Heard();
        }

        Assert.That(call.Ended, Is.Empty);
    }

    [Test]
    public void A_held_call_is_kept_past_the_rtp_timeout_and_ended_at_the_hold_timeout()
    {
        var call = new WatchedCall(_time) { OnHold = true };
        _watchdog.Watch(call);

        _time.Advance(TimeSpan.FromSeconds(3599));
        Assert.That(call.Ended, Is.Empty);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(call.Ended, Is.EqualTo(new[] { CallTimeout.Hold }));
    }

    [Test]
    public void A_call_that_keeps_sending_is_ended_at_the_maximum_length()
    {
        var call = new WatchedCall(_time);
        _watchdog.Watch(call);

        for (var i = 0; i < 14400 / 30; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            call.Heard();
        }

        Assert.That(call.Ended, Is.EqualTo(new[] { CallTimeout.MaxCallLength }));
    }

    [Test]
    public void A_forgotten_call_is_never_ended()
    {
        var call = new WatchedCall(_time);
        _watchdog.Watch(call);
        _watchdog.Forget(call);

        _time.Advance(TimeSpan.FromSeconds(120));

        Assert.That(call.Ended, Is.Empty);
    }

    [Test]
    public void A_call_that_fails_to_end_does_not_stop_the_others_from_being_ended()
    {
        var broken = new WatchedCall(_time) { Fails = true };
        var silent = new WatchedCall(_time);
        _watchdog.Watch(broken);
        _watchdog.Watch(silent);

        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.That(silent.Ended, Is.EqualTo(new[] { CallTimeout.Rtp }));
        Assert.That(_watchdog.Count, Is.Zero);
    }

    private sealed class WatchedCall(TimeProvider time) : IWatchedCall
    {
        public List<CallTimeout> Ended { get; } = [];

        public long AnsweredTimestamp { get; } = time.GetTimestamp();

        public long LastHeardTimestamp { get; private set; } = time.GetTimestamp();

        public bool OnHold { get; init; }

        public bool Fails { get; init; }

        public void Heard() => LastHeardTimestamp = time.GetTimestamp();

        public void EndFor(CallTimeout timeout)
        {
            Ended.Add(timeout);
            if (Fails) throw new InvalidOperationException("the session is gone");
        }
    }
}
