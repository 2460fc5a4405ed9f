namespace Softswitch.Media.Sdp;

/// <summary>Attribute names this library understands; everything else is carried through untouched.</summary>
public static class SdpAttributeNames
{
    public const string RtpMap = "rtpmap";
    public const string Fmtp = "fmtp";
    public const string Ptime = "ptime";
    public const string MaxPtime = "maxptime";
    public const string SendRecv = "sendrecv";
    public const string SendOnly = "sendonly";
    public const string RecvOnly = "recvonly";
    public const string Inactive = "inactive";
    /// <summary>RFC 3605.</summary>
    public const string Rtcp = "rtcp";
    /// <summary>RFC 5761.</summary>
    public const string RtcpMux = "rtcp-mux";
}
