using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Clock;

namespace Softswitch.Media.Tests.Clock;

public sealed class MediaClockTests
{
    private sealed class Recorder : IMediaClockListener
    {
        private readonly List<long> _ticks = [];

        public long[] Ticks
        {
            get { lock (_ticks) return _ticks.ToArray(); }
        }

        public void OnTick(long tick)
        {
            lock (_ticks) _ticks.Add(tick);
        }
    }

    private sealed class Broken : IMediaClockListener
    {
        public void OnTick(long tick) => throw new InvalidOperationException("bug in a listener");
    }

    /// <summary>The clock's loop runs on the thread pool: on a machine busy with a load test it may wait its turn for seconds.</summary>
    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(5);
        Assert.That(condition(), Is.True, "condition not reached within 10 s");
    }

    /// <summary>Advances the fake clock one millisecond at a time, letting the loop run between steps.</summary>
    /// <remarks>
    /// The loop reads the time, then arms its delay: when the test's step lands between the two (a busy machine), the
    /// delay is armed a millisecond past the tick and only a further step fires it. So at a tick the clock is nudged
    /// on, a millisecond at a time and never into the next tick's 20 ms, until the tick has come.
    /// </remarks>
    private static async Task Advance(FakeTimeProvider time, MediaClock clock, int milliseconds)
    {
        for (var i = 0; i < milliseconds; i++)
        {
            var before = clock.Ticks;
            time.Advance(TimeSpan.FromMilliseconds(1));
            if ((i + 1) % 20 != 0) continue;
            for (var nudge = 0; nudge < 10 && !await TickedWithin(clock, before, TimeSpan.FromMilliseconds(500)); nudge++)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
                i++;
            }

            await WaitFor(() => clock.Ticks > before);
        }
    }

    private static async Task<bool> TickedWithin(MediaClock clock, long before, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (clock.Ticks <= before && DateTime.UtcNow < deadline) await Task.Delay(5);
        return clock.Ticks > before;
    }

    [Test]
    public async Task Ticks_come_every_20_ms_counted_from_the_start()
    {
        var time = new FakeTimeProvider();
        await using var clock = new MediaClock(time, NullLogger<MediaClock>.Instance);
        var listener = new Recorder();
        clock.Add(listener);
        clock.Start();
        await WaitFor(() => listener.Ticks.Length == 1);

        await Advance(time, clock, 100);

        Assert.That(listener.Ticks, Is.EqualTo(new long[] { 0, 1, 2, 3, 4, 5 }));
    }

    [Test]
    public async Task A_late_loop_catches_up_without_losing_ticks()
    {
        var time = new FakeTimeProvider();
        await using var clock = new MediaClock(time, NullLogger<MediaClock>.Instance);
        var listener = new Recorder();
        clock.Add(listener);
        clock.Start();
        await WaitFor(() => listener.Ticks.Length == 1);

        time.Advance(TimeSpan.FromMilliseconds(100)); // one jump: as if the loop stalled for 100 ms
        await WaitFor(() => listener.Ticks.Length == 6);

        Assert.That(listener.Ticks, Is.EqualTo(new long[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(clock.SkippedTicks, Is.Zero);
    }

    [Test]
    public async Task A_stall_longer_than_the_catch_up_bound_skips_ahead()
    {
        var time = new FakeTimeProvider();
        await using var clock = new MediaClock(time, NullLogger<MediaClock>.Instance);
        var listener = new Recorder();
        clock.Add(listener);
        clock.Start();
        await WaitFor(() => listener.Ticks.Length == 1);

        time.Advance(TimeSpan.FromSeconds(1));
        await WaitFor(() => listener.Ticks.Contains(50));

        Assert.That(clock.SkippedTicks, Is.GreaterThan(0));
        Assert.That(listener.Ticks.Length, Is.LessThan(51), "no burst of 50 frames");
    }

    [Test]
    public async Task A_failing_listener_is_removed_and_the_others_keep_ticking()
    {
        var time = new FakeTimeProvider();
        await using var clock = new MediaClock(time, NullLogger<MediaClock>.Instance);
        var good = new Recorder();
        clock.Add(new Broken());
        clock.Add(good);
        clock.Start();
        await WaitFor(() => good.Ticks.Length == 1);

        await Advance(time, clock, 40);

        Assert.That(good.Ticks, Is.EqualTo(new long[] { 0, 1, 2 }));
        Assert.That(clock.ListenerCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Removing_a_listener_from_the_middle_leaves_every_other_one_ticking_once()
    {
        var time = new FakeTimeProvider();
        await using var clock = new MediaClock(time, NullLogger<MediaClock>.Instance);
        var listeners = Enumerable.Range(0, 5).Select(_ => new Recorder()).ToArray();
        foreach (var listener in listeners) clock.Add(listener);
        clock.Add(listeners[0]); // already on the clock: still one tick per tick
        clock.Remove(listeners[1]);
        clock.Remove(listeners[1]); // not on the clock any more: nothing happens
        clock.Start();
        await WaitFor(() => listeners[4].Ticks.Length == 1);

        await Advance(time, clock, 40);

        Assert.That(clock.ListenerCount, Is.EqualTo(4));
        Assert.That(listeners[1].Ticks, Is.Empty);
        foreach (var i in new[] { 0, 2, 3, 4 }) Assert.That(listeners[i].Ticks, Is.EqualTo(new long[] { 0, 1, 2 }), $"listener {i}");
    }
}
