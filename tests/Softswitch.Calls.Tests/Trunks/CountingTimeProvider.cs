using Microsoft.Extensions.Time.Testing;

namespace Softswitch.Calls.Tests.Trunks;

/// <summary>A fake clock that counts the timers armed on it, so a test can wait until a loop is waiting before it advances.</summary>
internal sealed class CountingTimeProvider : FakeTimeProvider
{
    private int _timers;

    public CountingTimeProvider() : base(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public int TimersCreated => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Waits (real time, 5 s at most) until more than <paramref name="seen"/> timers were armed.</summary>
    public async Task TimerArmedAsync(int seen)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (TimersCreated <= seen)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the loop never armed its wait");
            await Task.Delay(5);
        }
    }
}
