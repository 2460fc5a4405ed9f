using System.Net;

namespace Softswitch.Media.Rtp;

/// <summary>Settings of one <see cref="RtpEndpoint"/>.</summary>
public sealed class RtpEndpointOptions
{
    /// <summary>The remote RTP address from SDP; null until known (the first latched source is used).</summary>
    public IPEndPoint? RemoteRtp { get; init; }

    /// <summary>The remote RTCP address; defaults to the RTP port + 1 (RFC 3550 §11).</summary>
    public IPEndPoint? RemoteRtcp { get; init; }

    /// <summary>Consecutive packets with one SSRC a new address must send before media follows it.</summary>
    public int LatchAfterPackets { get; init; } = 3;

    /// <summary>
    /// Strict latching: while the remote has been heard within this time, packets from any other address are dropped;
    /// only a remote silent this long (a phone that changed network) may be replaced. Zero: plain symmetric RTP.
    /// </summary>
    public TimeSpan RelatchAfter { get; init; } = DefaultRelatchAfter;

    /// <summary>Where the call's SIP came from: before the far end is heard, media is learnt only from this host or the SDP's.</summary>
    public IPAddress? SignallingHost { get; init; }

    /// <summary>Clock of the silence <see cref="RelatchAfter"/> measures.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// 2 s: ten times a 20 ms packet interval and longer than any jitter buffer, so a live phone never looks silent,
    /// yet short enough that a phone moving from Wi-Fi to mobile data is heard again within a breath.
    /// </summary>
    public static TimeSpan DefaultRelatchAfter { get; } = TimeSpan.FromSeconds(2);
}
