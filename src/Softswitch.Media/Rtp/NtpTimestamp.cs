namespace Softswitch.Media.Rtp;

/// <summary>
/// A 64-bit NTP timestamp (RFC 3550 §4): seconds since 1900-01-01 UTC in the high word, the binary
/// fraction of a second in the low word. Used in sender reports and for round-trip time (LSR/DLSR).
/// </summary>
public readonly record struct NtpTimestamp(ulong Value)
{
    private static readonly DateTimeOffset s_epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whole seconds since 1900 (wraps in 2036, era 1 follows, which RTCP ignores).</summary>
    public uint Seconds => (uint)(Value >> 32);

    /// <summary>Fraction of a second in units of 2^-32 s.</summary>
    public uint Fraction => (uint)Value;

    /// <summary>The middle 32 bits, as carried in LSR and used for round-trip time (RFC 3550 §6.4.1).</summary>
    public uint Middle32 => (uint)(Value >> 16);

    /// <summary>Builds a timestamp from its two words.</summary>
    public static NtpTimestamp FromParts(uint seconds, uint fraction) => new(((ulong)seconds << 32) | fraction);

    /// <summary>Converts wall-clock time to NTP.</summary>
    public static NtpTimestamp FromDateTimeOffset(DateTimeOffset time)
    {
        var ticks = (ulong)(time.UtcTicks - s_epoch.UtcTicks);
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var remainder = ticks % TimeSpan.TicksPerSecond;
        var fraction = (remainder << 32) / TimeSpan.TicksPerSecond;
        return new NtpTimestamp((seconds << 32) | fraction);
    }

    /// <summary>The current wall-clock time of <paramref name="timeProvider"/> as NTP.</summary>
    public static NtpTimestamp Now(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return FromDateTimeOffset(timeProvider.GetUtcNow());
    }

    /// <summary>Converts back to wall-clock time (to 100 ns).</summary>
    public DateTimeOffset ToDateTimeOffset()
    {
        // Rounded, so a time converted to NTP and back comes out unchanged.
        var ticks = ((ulong)Seconds * TimeSpan.TicksPerSecond) + ((((ulong)Fraction * TimeSpan.TicksPerSecond) + (1UL << 31)) >> 32);
        return s_epoch.AddTicks((long)ticks);
    }

    /// <summary>A duration in the 1/65536 s units of DLSR and of <see cref="Middle32"/> differences.</summary>
    public static uint ToShortUnits(TimeSpan duration) =>
        duration <= TimeSpan.Zero ? 0 : (uint)Math.Min(uint.MaxValue, duration.Ticks * 65536 / TimeSpan.TicksPerSecond);

    /// <summary>A duration given in 1/65536 s units (DLSR, round-trip time).</summary>
    public static TimeSpan FromShortUnits(uint units) => TimeSpan.FromTicks((long)units * TimeSpan.TicksPerSecond / 65536);
}
