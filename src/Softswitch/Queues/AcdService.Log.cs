using Microsoft.Extensions.Logging;

namespace Softswitch.Queues;

public sealed partial class AcdService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: queue {Queue} offers the caller to agent {Agent} (offer {OfferId})")]
    private partial void LogOffer(string callId, string queue, string agent, long offerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: left queue {Queue} at position {Position} after {WaitedSeconds:0.0} s")]
    private partial void LogAbandoned(string callId, string queue, int position, double waitedSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: queue {Queue} overflows the caller ({Reason}) to {Destination}")]
    private partial void LogOverflow(string callId, string queue, string reason, string destination);

    [LoggerMessage(Level = LogLevel.Warning, Message = "agent {Agent} paused by the ACD ({Reason})")]
    private partial void LogAgentPaused(string agent, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "an ACD command failed; the queues go on")]
    private partial void LogCommandFailed(Exception error);
}
