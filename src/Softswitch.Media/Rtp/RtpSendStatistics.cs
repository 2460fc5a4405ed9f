namespace Softswitch.Media.Rtp;

/// <summary>
/// What one local source has sent, for the sender info of an SR (RFC 3550 §6.4.1): packet and payload
/// octet counts, and the RTP timestamp that corresponds to "now" in wall-clock time.
/// </summary>
/// <remarks>Not thread-safe: count from the sending actor and build reports on the same one.</remarks>
public sealed class RtpSendStatistics
{
    private readonly TimeProvider _timeProvider;
    private long _lastSendTime;

    /// <summary>Creates statistics for <paramref name="ssrc"/> whose RTP clock runs at <paramref name="clockRate"/> Hz.</summary>
    public RtpSendStatistics(uint ssrc, int clockRate, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Ssrc = ssrc;
        ClockRate = clockRate;
        _timeProvider = timeProvider;
    }

    /// <summary>The local source.</summary>
    public uint Ssrc { get; }

    /// <summary>RTP clock rate in Hz.</summary>
    public int ClockRate { get; }

    /// <summary>RTP packets sent (the SR field wraps at 2^32).</summary>
    public uint PacketCount { get; private set; }

    /// <summary>Payload octets sent (the SR field wraps at 2^32).</summary>
    public uint OctetCount { get; private set; }

    /// <summary>Timestamp of the last packet sent.</summary>
    public uint LastRtpTimestamp { get; private set; }

    /// <summary>True once a packet was sent; only then should an SR rather than an RR go out (§6.4).</summary>
    public bool HasSent => PacketCount > 0;

    /// <summary>Counts one sent packet.</summary>
    public void OnPacketSent(uint rtpTimestamp, int payloadLength)
    {
        PacketCount++;
        OctetCount += (uint)payloadLength;
        LastRtpTimestamp = rtpTimestamp;
        _lastSendTime = _timeProvider.GetTimestamp();
    }

    /// <summary>
    /// Sender info for an SR sent now: the NTP time, and the RTP timestamp extrapolated from the last
    /// packet by the time elapsed since it, so receivers can align this stream with others (§6.4.1).
    /// </summary>
    public RtcpSenderInfo CreateSenderInfo()
    {
        var now = NtpTimestamp.Now(_timeProvider);
        var elapsed = HasSent ? _timeProvider.GetElapsedTime(_lastSendTime) : TimeSpan.Zero;
        var rtpTimestamp = LastRtpTimestamp + (uint)(elapsed.Ticks * ClockRate / TimeSpan.TicksPerSecond);
        return new RtcpSenderInfo(now, rtpTimestamp, PacketCount, OctetCount);
    }
}
