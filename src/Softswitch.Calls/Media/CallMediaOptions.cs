using System.Net;
using Softswitch.Media.Rtp;

namespace Softswitch.Calls.Media;

/// <summary>What every call's media needs from the host: where to bind, what to advertise, where recordings go.</summary>
public sealed class CallMediaOptions
{
    public required RtpPortAllocator Ports { get; init; }

    /// <summary>The address the SDP answer gives for our media (c= line).</summary>
    public required IPAddress Address { get; init; }

    /// <summary>Root folder of recordings: files go to yyyy/MM/dd/&lt;call id&gt;.wav below it.</summary>
    public required string RecordingsFolder { get; init; }
}
