using Microsoft.Extensions.Logging;
using Softswitch.Media.Dtmf;

namespace Softswitch.Calls.Bridging;

public sealed partial class BridgedCall
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: call refused with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string callId, int statusCode, string reason);

    // Debug: the routing line before it already names the target, the answer or end line after it says how it went; at
    // Information this line was a quarter of the log's cost per call.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallId}: ringing {Target} on {Devices} devices for {RingSeconds} s")]
    private partial void LogDialling(string callId, string target, int devices, int ringSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Target} has no device to ring ({StatusCode}: not registered or do-not-disturb)")]
    private partial void LogNobodyToRing(string callId, string target, int statusCode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallId}: {Callee} rings ({StatusCode})")]
    private partial void LogRinging(string callId, string callee, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: early media from {Callee}, {Codec}")]
    private partial void LogEarlyMedia(string callId, string callee, string codec);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Callee} answered; caller {CallerCodec}, callee {CalleeCodec}, {Mode}")]
    private partial void LogAnswered(string callId, string callee, string callerCodec, string calleeCodec, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: a device of {Callee} answered {StatusCode} {Reason}")]
    private partial void LogForkFailed(string callId, string callee, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: {Callee} answered with no usable SDP; hung up")]
    private partial void LogUnusableAnswer(string callId, string callee);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Target} did not answer in {RingSeconds} s")]
    private partial void LogNoAnswer(string callId, string target, int ringSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {From} {Cause}: forwarding to {To}")]
    private partial void LogForwardingCore(string callId, string from, string cause, string to);

    private void LogForwarding(string callId, string from, string to, string cause) => LogForwardingCore(callId, from, cause, to);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: recording to {Path}")]
    private partial void LogRecording(string callId, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: on hold by the {Holder}; music for the other party")]
    private partial void LogHold(string callId, string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: resumed; bridged again")]
    private partial void LogResumed(string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: music on hold {Class} not found under sounds/music; the held party hears silence")]
    private partial void LogMusicMissing(string callId, string @class);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: music on hold {Class} cannot be played: {Reason}")]
    private partial void LogMusicBroken(string callId, string @class, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Suppressed} more DTMF events suppressed")]
    private partial void LogDigitsSuppressed(string callId, int suppressed);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: DTMF {Digit} received via {Method} ({DurationMs} ms) from the {Role}")]
    private partial void LogDigit(string callId, char digit, DtmfSource method, int durationMs, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: the ACK carried no usable SDP answer to our offer; hanging up")]
    private partial void LogNoAnswerInAck(string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{CallId}: bridged call failed")]
    private partial void LogFailed(Exception error, string callId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Target} call ended ({Cause}, by the {Side}) after {Seconds:0.0} s; caller {CallerLeg}; callee {CalleeLeg}")]
    private partial void LogEnded(string callId, string target, string cause, string side, double seconds, string callerLeg, string calleeLeg);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Picker} picked up the call ringing {Target}")]
    private partial void LogPickedUp(string callId, string picker, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: calling {Number} on trunk {Trunk} at {Destination}")]
    private partial void LogTrunkAttempt(string callId, string trunk, string destination, string number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: trunk {Trunk} could not be located: {Reason}")]
    private partial void LogTrunkNotLocated(string callId, string trunk, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: trunk {Trunk} is at its max_calls ({MaxCalls}); trying the next")]
    private partial void LogTrunkFull(string callId, string trunk, int maxCalls);

    [Microsoft.Extensions.Logging.LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Transferor} transfers {Transferee} to {Target}")]
    private partial void LogTransfer(string callId, string transferor, string transferee, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: transferred: {Transferee} now talks to {Target}")]
    private partial void LogTransferred(string callId, string transferee, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: transfer to {Target} failed ({StatusCode}); the call goes on")]
    private partial void LogTransferFailed(string callId, string target, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: REFER to {ReferTo} refused: not an extension or ring group of ours, or an unreadable Replaces")]
    private partial void LogTransferRefused(string callId, string referTo);
}
