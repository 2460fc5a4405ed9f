namespace Softswitch.Media.Dtmf;

/// <summary>
/// Produces RFC 4733 telephone-event packet sequences for outgoing digits (§2.5.1): a first packet
/// with the marker bit, updates every <see cref="PacketInterval"/> with a growing duration, and
/// three end packets with the E bit and the final duration, all stamped with the event's start.
/// </summary>
public sealed class TelephoneEventSender
{
    /// <summary>The usual update interval; 50 ms is also common.</summary>
    public static readonly TimeSpan DefaultPacketInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Creates a sender.</summary>
    /// <param name="packetInterval">Time between packets (20 ms by default).</param>
    /// <param name="clockRate">RTP clock rate of telephone-event.</param>
    /// <param name="volume">Power level written into packets, in -dBm0 (0-63).</param>
    public TelephoneEventSender(TimeSpan? packetInterval = null, int clockRate = 8000, byte volume = 10)
    {
        PacketInterval = packetInterval ?? DefaultPacketInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PacketInterval, TimeSpan.Zero, nameof(packetInterval));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volume, (byte)63);
        ClockRate = clockRate;
        Volume = volume;
    }

    /// <summary>Time between two packets of one event.</summary>
    public TimeSpan PacketInterval { get; }

    /// <summary>RTP clock rate.</summary>
    public int ClockRate { get; }

    /// <summary>Volume field (-dBm0).</summary>
    public byte Volume { get; }

    /// <summary>
    /// Starts the packet sequence of one digit. The caller pulls packets with
    /// <see cref="TelephoneEventSequence.TryWriteNext"/>, numbers them with its own RTP sequence
    /// numbers and sends each at its <see cref="TelephoneEventPacket.SendOffset"/>.
    /// </summary>
    /// <param name="digit">The key to send.</param>
    /// <param name="duration">How long the key is held (at least one timestamp unit).</param>
    /// <param name="startTimestamp">RTP timestamp of the moment the key went down.</param>
    public TelephoneEventSequence CreateSequence(DtmfDigit digit, TimeSpan duration, uint startTimestamp)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var totalUnits = Math.Max(1L, (long)Math.Round(duration.TotalSeconds * ClockRate));
        var stepUnits = Math.Max(1L, (long)Math.Round(PacketInterval.TotalSeconds * ClockRate));
        return new TelephoneEventSequence(digit, Volume, startTimestamp, totalUnits, stepUnits, PacketInterval);
    }
}
