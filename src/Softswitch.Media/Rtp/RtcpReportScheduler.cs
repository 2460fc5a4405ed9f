namespace Softswitch.Media.Rtp;

/// <summary>
/// The RTCP transmission interval (RFC 3550 §6.2, §6.3.1 and Appendix A.7): 5% of the session
/// bandwidth shared by the members (a quarter reserved for senders), never below 5 s (2.5 s before
/// the first report), randomised by a factor of 0.5-1.5 so members do not synchronise.
/// </summary>
/// <remarks>
/// Simplified for a softswitch leg (two members, no timer reconsideration): because reconsideration
/// is not done, the interval is not divided by e - 3/2, which only compensates for it; the mean stays 5 s.
/// </remarks>
public sealed class RtcpReportScheduler
{
    /// <summary>Minimum deterministic interval (§6.2).</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(5);

    private const double RtcpBandwidthFraction = 0.05;
    private const double SenderBandwidthFraction = 0.25;
    private readonly Random _random;
    private readonly double _rtcpBandwidth;

    /// <summary>
    /// Creates a scheduler for a session of <paramref name="sessionBandwidthBytesPerSecond"/>
    /// (8000 = 64 kbit/s, G.711 without headers). Tests pass a seeded <paramref name="random"/>.
    /// </summary>
    public RtcpReportScheduler(double sessionBandwidthBytesPerSecond = 8000, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sessionBandwidthBytesPerSecond);
        _rtcpBandwidth = sessionBandwidthBytesPerSecond * RtcpBandwidthFraction;
        _random = random ?? Random.Shared;
    }

    /// <summary>Running average of compound RTCP packet size in bytes (including UDP/IP headers, §6.3.3).</summary>
    public double AverageRtcpSize { get; private set; } = 128;

    /// <summary>True until the first report was scheduled; the first interval uses half the minimum.</summary>
    public bool Initial { get; private set; } = true;

    /// <summary>Folds one sent or received compound packet into the average size (A.7: 1/16 weight).</summary>
    public void OnRtcpPacket(int packetSizeIncludingHeaders)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(packetSizeIncludingHeaders);
        AverageRtcpSize += (packetSizeIncludingHeaders - AverageRtcpSize) / 16.0;
    }

    /// <summary>The delay until the next report; the default arguments are a two-party call where we send.</summary>
    public TimeSpan NextInterval(int members = 2, int senders = 2, bool weSent = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(members);
        ArgumentOutOfRangeException.ThrowIfNegative(senders);
        var deterministic = DeterministicInterval(members, senders, weSent);
        Initial = false;
        return TimeSpan.FromSeconds(deterministic * (_random.NextDouble() + 0.5));
    }

    /// <summary>The interval before randomisation (A.7 <c>rtcp_interval</c> up to the random factor).</summary>
    public double DeterministicInterval(int members, int senders, bool weSent)
    {
        var minimum = Initial ? MinimumInterval.TotalSeconds / 2 : MinimumInterval.TotalSeconds;
        var bandwidth = _rtcpBandwidth;
        var n = members;
        if (senders <= members * SenderBandwidthFraction)
        {
            if (weSent)
            {
                bandwidth *= SenderBandwidthFraction;
                n = senders;
            }
            else
            {
                bandwidth *= 1 - SenderBandwidthFraction;
                n -= senders;
            }
        }

        return Math.Max(minimum, AverageRtcpSize * n / bandwidth);
    }
}
