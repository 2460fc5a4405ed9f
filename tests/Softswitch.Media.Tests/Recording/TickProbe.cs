using Softswitch.Media.Clock;

namespace Softswitch.Media.Tests.Recording;

/// <summary>
/// Counts ticks. Added to a clock after the recorder, it sees a tick only once the recorder has handled it
/// (listeners are called in order), which <see cref="MediaClock.Ticks"/>, counted before the listeners run, does not say.
/// </summary>
internal sealed class TickProbe : IMediaClockListener
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void OnTick(long tick) => Interlocked.Increment(ref _count);
}
