namespace Softswitch.Media.Sdp;

/// <summary>The peer's transport and direction for one RTP stream, read from its description.</summary>
internal readonly record struct RemoteStream(
    string Address, int RtpPort, string RtcpAddress, int RtcpPort, SdpMediaDirection Direction)
{
    /// <summary>
    /// Reads address, RTCP and direction. RFC 2543 hold (<c>c=0.0.0.0</c>) is folded into the direction
    /// as "does not receive", so callers need only look at <see cref="Direction"/>.
    /// </summary>
    public static bool TryRead(SessionDescription description, MediaDescription media, bool rtcpMux,
        out RemoteStream stream, out string error)
    {
        stream = default;
        if (description.GetEffectiveConnection(media) is not { } connection)
        {
            error = "the audio stream has no c= line at session or media level (RFC 8866 §5.7)";
            return false;
        }
        error = "";
        var address = connection.Host;
        var direction = description.GetEffectiveDirection(media);
        if (connection.IsUnspecified)
        {
            direction = SdpMediaDirections.FromFlags(direction.Sends(), receives: false);
        }
        var (rtcpAddress, rtcpPort) = (address, media.Port + 1);
        if (rtcpMux)
        {
            rtcpPort = media.Port;
        }
        else if (media.Rtcp is { } rtcp)
        {
            rtcpPort = rtcp.Port;
            rtcpAddress = rtcp.Connection?.Host ?? address;
        }
        stream = new RemoteStream(address, media.Port, rtcpAddress, rtcpPort, direction);
        return true;
    }
}
