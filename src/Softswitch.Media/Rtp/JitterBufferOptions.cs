namespace Softswitch.Media.Rtp;

/// <summary>Settings of a <see cref="JitterBuffer"/>.</summary>
public sealed class JitterBufferOptions
{
    /// <summary>RTP clock rate of the stream in Hz.</summary>
    public int ClockRate { get; init; } = 8000;

    /// <summary>Timestamp units per packet (160 = 20 ms at 8 kHz); one packet is one frame.</summary>
    public int FrameSamples { get; init; } = 160;

    /// <summary>Smallest playout delay in milliseconds.</summary>
    public int MinDepthMilliseconds { get; init; } = 20;

    /// <summary>Largest playout delay in milliseconds.</summary>
    public int MaxDepthMilliseconds { get; init; } = 200;

    /// <summary>Largest payload a slot holds (320 covers 20 ms of G.711, G.722 or 8 kHz L16).</summary>
    public int MaxPayloadSize { get; init; } = 320;

    /// <summary>Frames beyond the target depth tolerated before the buffer drops one to shrink.</summary>
    public int ShrinkHysteresisFrames { get; init; } = 2;

    /// <summary>
    /// Longest sender silence (a timestamp step beyond one packet with the next sequence number) played out as
    /// <see cref="JitterBufferPopResult.Gap"/>. In real time a silence shows as an underrun and only the part hidden
    /// in the playout delay is left to fill; a larger step is a new timeline, played at once.
    /// </summary>
    public int MaxGapMilliseconds { get; init; } = 1000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ClockRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(FrameSamples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinDepthMilliseconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepthMilliseconds, MinDepthMilliseconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPayloadSize);
        ArgumentOutOfRangeException.ThrowIfNegative(ShrinkHysteresisFrames);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxGapMilliseconds);
    }
}
