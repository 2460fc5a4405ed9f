using System.Net;

namespace Softswitch.Media;

/// <summary>What the media services need from the host's configuration, read once at start.</summary>
public sealed record MediaServiceSettings
{
    /// <summary>The RTP port range: pairs (even RTP, odd RTCP) are handed out within it.</summary>
    public required int PortMin { get; init; }

    public required int PortMax { get; init; }

    /// <summary>The address RTP sockets bind to and SDP advertises.</summary>
    public required IPAddress Address { get; init; }
}
