using Microsoft.Extensions.Logging;
using Softswitch.Media.Dtmf;

namespace Softswitch.Calls.Legs;

public sealed partial class InboundCall
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Feature} answered, {Codec}, our media {Local}, caller media {Remote}")]
    private partial void LogAnswered(string callId, string feature, string codec, string local, string remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: call refused with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string callId, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: DTMF {Digit} received via {Method} ({DurationMs} ms)")]
    private partial void LogDigit(string callId, char digit, DtmfSource method, int durationMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: prompt interrupted by DTMF {Digit}")]
    private partial void LogBargeIn(string callId, char digit);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallId}: greeting {Name}: {Result}")]
    private partial void LogGreetingDone(string callId, string name, string result);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: recording to {Path}")]
    private partial void LogRecording(string callId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: prompt {Name} not found under {Sounds}; going on without it")]
    private partial void LogPromptMissing(string callId, string name, string sounds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: prompt {Name} cannot be played: {Reason}")]
    private partial void LogPromptBroken(string callId, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: the ACK carried no usable SDP answer to our offer; hanging up")]
    private partial void LogNoAnswerInAck(string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{CallId}: call failed")]
    private partial void LogFailed(Exception error, string callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Feature} call ended ({Why}), {Sent} packets sent; received {Received}, lost {Lost}, duplicated {Duplicates}, jitter {JitterMs:0.0} ms, dropped {OtherSource} from other sources; caller's report on our stream: {PeerReport}")]
    private partial void LogEnded(string callId, string feature, string why, long sent, long received, long lost, long duplicates, double jitterMs, long otherSource, string peerReport);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Feature} call ended before media ({Why})")]
    private partial void LogEndedWithoutMedia(string callId, string feature, string why);
}
