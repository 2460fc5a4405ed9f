using Microsoft.Extensions.Logging;

namespace Softswitch.Queues;

/// <summary>The log lines of virtual hold, each naming the call that asked for the callback.</summary>
internal static partial class QueueCallbacksLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: queue {Queue} callback: agent {Agent} and {Number} connected")]
    public static partial void Connected(ILogger logger, string callId, string queue, string agent, string number);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: queue {Queue} callback: agent {Agent} not reached ({Outcome}); the next agent is tried")]
    public static partial void AgentNotReached(ILogger logger, string callId, string queue, string agent, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: queue {Queue} callback: {Number} did not answer (attempt {Attempt}); again in {RetrySeconds} s")]
    public static partial void NotAnswered(ILogger logger, string callId, string queue, string number, int attempt, double retrySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: queue {Queue} callback to {Number} given up after {Attempts} attempts")]
    public static partial void GaveUp(ILogger logger, string callId, string queue, string number, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "{CallId}: queue {Queue} callback failed; the request is dropped")]
    public static partial void CallbackFailed(ILogger logger, Exception error, string callId, string queue);
}
