namespace Softswitch.Media.Recording;

/// <summary>Tuning of a <see cref="CallRecorder"/>; the defaults suit a live call.</summary>
public sealed class CallRecorderOptions
{
    /// <summary>
    /// Frames (20 ms each) that may wait for the disk before new ones are dropped: 250 = 5 s, enough to ride out a
    /// slow disk without letting a stuck one hold memory for ever.
    /// </summary>
    public int QueueFrames { get; init; } = 250;

    /// <summary>
    /// Frames between flushes that also rewrite the header: 50 = 1 s, so a killed process loses at most about a second
    /// and leaves a file that plays even before it is repaired.
    /// </summary>
    public int FlushEveryFrames { get; init; } = 50;

    /// <summary>Arrival times of packets (for the jitter estimate) are read from this.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(QueueFrames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(FlushEveryFrames);
        ArgumentNullException.ThrowIfNull(Time);
    }
}
