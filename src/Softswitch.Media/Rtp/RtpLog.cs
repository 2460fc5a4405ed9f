using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Softswitch.Media.Rtp;

/// <summary>Source-generated log messages of the RTP layer (event ids 2100-2199).</summary>
internal static partial class RtpLog
{
    [LoggerMessage(2100, LogLevel.Debug, "RTP port pair {RtpPort}/{RtcpPort} is held by another program; skipped")]
    public static partial void PortPairBusy(ILogger logger, int rtpPort, int rtcpPort);

    [LoggerMessage(2101, LogLevel.Information, "RTP on port {LocalPort} latched to {Remote} (SSRC {Ssrc:x8})")]
    public static partial void Latched(ILogger logger, int localPort, IPEndPoint remote, uint ssrc);

    [LoggerMessage(2102, LogLevel.Debug, "RTP receive on port {LocalPort} failed ({Error}); still receiving")]
    public static partial void ReceiveFailed(ILogger logger, int localPort, SocketError error);

    [LoggerMessage(2103, LogLevel.Error, "RTP packet sink failed on port {LocalPort}")]
    public static partial void SinkFailed(ILogger logger, int localPort, Exception exception);

    [LoggerMessage(2104, LogLevel.Debug, "RTP send from port {LocalPort} failed ({Error})")]
    public static partial void SendFailed(ILogger logger, int localPort, SocketError error);

    [LoggerMessage(2105, LogLevel.Error, "RTP receive thread {Thread} stopped: epoll_wait failed with errno {Errno}; its calls hear nothing more")]
    public static partial void PollFailed(ILogger logger, int thread, int errno);
}
