using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Timing;

namespace Softswitch.Sip.Tests.Timing;

public sealed class TimerWheelTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private FakeTimeProvider _clock = null!;
    private TimerWheel _wheel = null!;
    private ConcurrentQueue<string> _fired = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        _wheel = new TimerWheel(_clock, Tick);
        _fired = new ConcurrentQueue<string>();
    }

    [TearDown]
    public void TearDown() => _wheel.Dispose();

    [Test]
    public void A_timer_fires_no_earlier_than_asked_and_within_one_tick_after()
    {
        _clock.Advance(TimeSpan.FromMilliseconds(3)); // armed between two ticks
        using var timer = Arm("a", TimeSpan.FromMilliseconds(500));

        _clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.That(_fired, Is.Empty, "not before its due time");
        _clock.Advance(Tick);
        Assert.That(_fired, Is.EqualTo(new[] { "a" }));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.That(_fired, Has.Count.EqualTo(1), "a one-shot timer fires once");
        Assert.That(_wheel.Pending, Is.Zero);
    }

    [Test]
    public void Timers_fire_in_the_order_of_their_due_times_whatever_order_they_were_armed_in()
    {
        var timers = new[] { Arm("c", TimeSpan.FromSeconds(3)), Arm("a", TimeSpan.FromSeconds(1)), Arm("b", TimeSpan.FromSeconds(2)) };

        for (var i = 0; i < 400; i++) _clock.Advance(Tick);

        Assert.That(_fired, Is.EqualTo(new[] { "a", "b", "c" }));
        foreach (var timer in timers) timer.Dispose();
    }

    [Test]
    [Description("RFC 3261 §17.2.2: Timer J is 64*T1 = 32 s over UDP, Timer D at least 32 s; session timers run for minutes")]
    public void A_timer_due_after_more_than_one_turn_of_the_wheel_waits_the_full_time()
    {
        using var timer = Arm("session", TimeSpan.FromSeconds(95)); // the wheel turns every 40.96 s

        _clock.Advance(TimeSpan.FromSeconds(94.99));
        Assert.That(_fired, Is.Empty);
        _clock.Advance(TimeSpan.FromMilliseconds(20));
        Assert.That(_fired, Is.EqualTo(new[] { "session" }));
    }

    [Test]
    public void A_cancelled_timer_never_fires_and_a_moved_one_fires_at_its_new_time_only()
    {
        var cancelled = Arm("cancelled", TimeSpan.FromSeconds(1));
        using var moved = Arm("moved", TimeSpan.FromSeconds(1));

        cancelled.Dispose();
        Assert.That(moved.Change(TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan), Is.True);
        Assert.That(cancelled.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan), Is.False, "a disposed timer stays off");
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That(_fired, Is.Empty);
        _clock.Advance(TimeSpan.FromSeconds(1.01));
        Assert.That(_fired, Is.EqualTo(new[] { "moved" }));
        Assert.That(_wheel.Pending, Is.Zero);
    }

    [Test]
    public void A_periodic_timer_fires_every_period_until_disposed()
    {
        var timer = _wheel.CreateTimer(_ => _fired.Enqueue("p"), null, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));

        for (var i = 0; i < 200; i++) _clock.Advance(Tick);
        Assert.That(_fired, Has.Count.EqualTo(4));
        timer.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That(_fired, Has.Count.EqualTo(4));
    }

    [Test]
    public void A_periodic_timer_of_exactly_one_turn_of_the_wheel_fires_once_a_turn()
    {
        using var timer = _wheel.CreateTimer(_ => _fired.Enqueue("turn"), null, TimeSpan.FromSeconds(40.96), TimeSpan.FromSeconds(40.96));

        for (var i = 0; i < 3 * 4096 + 5; i++) _clock.Advance(Tick);

        Assert.That(_fired, Has.Count.EqualTo(3));
    }

    [Test]
    public void A_callback_may_cancel_a_timer_due_in_the_same_tick_and_that_one_does_not_fire()
    {
        ITimer? second = null;
        using var first = _wheel.CreateTimer(_ => { _fired.Enqueue("first"); second!.Dispose(); }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        second = Arm("second", TimeSpan.FromSeconds(1));

        _clock.Advance(TimeSpan.FromSeconds(1.01));

        Assert.That(_fired, Is.EqualTo(new[] { "first" }), "timers of one tick fire in the order armed; the cancelled one not at all");
    }

    [Test]
    public void A_late_tick_catches_up_and_fires_every_timer_that_came_due_meanwhile()
    {
        var timers = Enumerable.Range(0, 10_000).Select(i => Arm("t" + i, TimeSpan.FromMilliseconds(1 + (i % 5000)))).ToList();

        _clock.Advance(TimeSpan.FromSeconds(6)); // one step: the fake clock runs the periodic tick once

        Assert.That(_fired, Has.Count.EqualTo(10_000));
        Assert.That(_wheel.Pending, Is.Zero);
        timers.ForEach(t => t.Dispose());
    }

    [Test]
    public void With_a_zero_resolution_timers_are_the_inner_providers_exact_ones()
    {
        using var exact = new TimerWheel(_clock, TimeSpan.Zero);
        using var timer = exact.CreateTimer(_ => _fired.Enqueue("exact"), null, TimeSpan.FromMilliseconds(503), Timeout.InfiniteTimeSpan);

        _clock.Advance(TimeSpan.FromMilliseconds(503));

        Assert.That(_fired, Is.EqualTo(new[] { "exact" }));
        Assert.That(exact.GetUtcNow(), Is.EqualTo(_clock.GetUtcNow()));
    }

    private ITimer Arm(string name, TimeSpan due) => _wheel.CreateTimer(_ => _fired.Enqueue(name), null, due, Timeout.InfiniteTimeSpan);
}
