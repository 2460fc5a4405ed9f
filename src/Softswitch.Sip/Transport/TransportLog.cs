using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Softswitch.Sip.Transport;

/// <summary>Source-generated log messages of the SIP transports (event ids 1100-1199).</summary>
internal static partial class TransportLog
{
    [LoggerMessage(1100, LogLevel.Information, "SIP {Kind} transport listening on {LocalEndPoint}")]
    public static partial void Listening(this ILogger logger, SipTransportKind kind, IPEndPoint localEndPoint);

    [LoggerMessage(1101, LogLevel.Information, "SIP {Kind} transport on {LocalEndPoint} stopped")]
    public static partial void Stopped(this ILogger logger, SipTransportKind kind, IPEndPoint localEndPoint);

    [LoggerMessage(1102, LogLevel.Debug, "UDP receive failed ({Error}); still receiving")]
    public static partial void UdpReceiveFailed(this ILogger logger, SocketError error);

    [LoggerMessage(1103, LogLevel.Warning, "SIP send to {Destination} failed")]
    public static partial void SendFailed(this ILogger logger, SipEndPoint destination, Exception exception);

    // The peer's problem, not ours: the message is dropped (a TCP connection closed) and the switch carries on.
    [LoggerMessage(1104, LogLevel.Information, "Framing error {Error} from {Source}")]
    public static partial void FramingError(this ILogger logger, SipFramingError error, SipEndPoint source);

    [LoggerMessage(1105, LogLevel.Error, "Message sink failed on a message from {Source}")]
    public static partial void SinkFailed(this ILogger logger, SipEndPoint source, Exception exception);

    [LoggerMessage(1106, LogLevel.Debug, "TCP connection {Remote} opened ({Direction})")]
    public static partial void ConnectionOpened(this ILogger logger, IPEndPoint remote, string direction);

    [LoggerMessage(1107, LogLevel.Debug, "TCP connection {Remote} closed: {Reason}")]
    public static partial void ConnectionClosed(this ILogger logger, IPEndPoint remote, string reason);

    // Reported at most once a minute per burst (RefusalCounter), so a flood of connections cannot flood the log.
    [LoggerMessage(1108, LogLevel.Warning, "TCP connection limit {Limit} reached; refused {Refused} connection(s), the latest from {Remote}")]
    public static partial void ConnectionLimitReached(this ILogger logger, int limit, int refused, IPEndPoint remote);

    [LoggerMessage(1109, LogLevel.Warning, "TCP connect to {Remote} failed")]
    public static partial void ConnectFailed(this ILogger logger, IPEndPoint remote, Exception exception);

    [LoggerMessage(1110, LogLevel.Warning, "TCP accept failed ({Error}); still accepting")]
    public static partial void AcceptFailed(this ILogger logger, SocketError error);

    [LoggerMessage(1111, LogLevel.Debug, "TCP receive from {Remote} failed ({Error})")]
    public static partial void TcpReceiveFailed(this ILogger logger, IPEndPoint remote, SocketError error);

    [LoggerMessage(1113, LogLevel.Warning, "TCP connections from {Address} reached the per-address limit {Limit}; refused {Refused} further connection(s)")]
    public static partial void AddressConnectionLimitReached(this ILogger logger, int limit, IPAddress address, int refused);

    [LoggerMessage(1112, LogLevel.Debug, "No open TCP connection to {Remote}; not connecting for a response")]
    public static partial void NoOpenConnection(this ILogger logger, IPEndPoint remote);
}
