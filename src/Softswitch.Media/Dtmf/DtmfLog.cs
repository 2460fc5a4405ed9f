using Microsoft.Extensions.Logging;

namespace Softswitch.Media.Dtmf;

/// <summary>Source-generated log messages of the DTMF components.</summary>
internal static partial class DtmfLog
{
    [LoggerMessage(EventId = 4700, Level = LogLevel.Debug, Message = "DTMF {Digit} started (RFC 4733, timestamp {Timestamp})")]
    public static partial void TelephoneEventStarted(ILogger logger, char digit, uint timestamp);

    [LoggerMessage(EventId = 4701, Level = LogLevel.Debug, Message = "DTMF {Digit} ended after {DurationMs} ms (RFC 4733, timestamp {Timestamp}, {Reason})")]
    public static partial void TelephoneEventEnded(ILogger logger, char digit, double durationMs, uint timestamp, string reason);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Trace, Message = "Telephone-event packet ignored: {Result} (payload type {PayloadType}, sequence {Sequence}, {Length} bytes)")]
    public static partial void TelephoneEventIgnored(ILogger logger, TelephoneEventReceiveResult result, byte payloadType, ushort sequence, int length);

    [LoggerMessage(EventId = 4703, Level = LogLevel.Debug, Message = "DTMF {Digit} detected in band ({DurationMs} ms)")]
    public static partial void InBandDigitEnded(ILogger logger, char digit, double durationMs);

    [LoggerMessage(EventId = 4704, Level = LogLevel.Debug, Message = "DTMF {Digit} via {Source} suppressed: already reported via another method")]
    public static partial void DuplicateSuppressed(ILogger logger, char digit, DtmfSource source);

    [LoggerMessage(EventId = 4705, Level = LogLevel.Warning, Message = "DTMF {Digit} via {Source} dropped: the event stream is full or completed")]
    public static partial void StreamFull(ILogger logger, char digit, DtmfSource source);
}
