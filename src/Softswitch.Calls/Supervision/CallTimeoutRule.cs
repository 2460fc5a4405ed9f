namespace Softswitch.Calls.Supervision;

/// <summary>The decision a sweep makes for one answered call, from two durations and the hold state: pure, so tests need no clock.</summary>
public static class CallTimeoutRule
{
    /// <param name="limits">The limits in force.</param>
    /// <param name="sinceAnswer">How long ago the call was answered.</param>
    /// <param name="sinceHeard">How long since the peer's last RTP or RTCP packet (or the last change of the media, whichever is later).</param>
    /// <param name="onHold">Whether either direction is held (sendonly, recvonly or inactive).</param>
    public static CallTimeout Decide(CallLimits limits, TimeSpan sinceAnswer, TimeSpan sinceHeard, bool onHold)
    {
        if (limits.MaxCallLength > TimeSpan.Zero && sinceAnswer >= limits.MaxCallLength) return CallTimeout.MaxCallLength;
        var silence = onHold ? limits.HoldTimeout : limits.RtpTimeout;
        if (silence > TimeSpan.Zero && sinceHeard >= silence) return onHold ? CallTimeout.Hold : CallTimeout.Rtp;
        return CallTimeout.None;
    }

    /// <summary>
    /// The value of the Reason header (RFC 3326) our BYE carries: 408 for a peer that went silent, 200 for a call
    /// that simply lasted too long (nothing failed).
    /// </summary>
    public static string ReasonHeader(CallTimeout timeout) => timeout switch
    {
        CallTimeout.Rtp => "SIP;cause=408;text=\"RTP timeout\"",
        CallTimeout.Hold => "SIP;cause=408;text=\"RTP timeout on hold\"",
        CallTimeout.MaxCallLength => "SIP;cause=200;text=\"Maximum call length\"",
        _ => throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "no call timeout"),
    };
}
