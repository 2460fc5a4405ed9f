using Microsoft.Extensions.Logging;

namespace Softswitch.Calls.Presence;

public sealed partial class DialogSubscriptions
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: SUBSCRIBE {Package}: {Subscriber} watches {Extension} for {Expires} s, from {Source}")]
    private partial void LogSubscribed(string callId, string package, string subscriber, string extension, int expires, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: SUBSCRIBE as {Subscriber} refused from {Source}: {Reason}")]
    private partial void LogRefused(string callId, string subscriber, string source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: subscription to {Extension} ended by the subscriber")]
    private partial void LogUnsubscribed(string callId, string extension);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: subscription to {Extension} expired")]
    private partial void LogExpired(string callId, string extension);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: NOTIFY for {Extension} answered {StatusCode}; subscription ended")]
    private partial void LogNotifyRefused(string callId, string extension, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: NOTIFY for {Extension} got no answer; subscription ended")]
    private partial void LogNotifyTimedOut(string callId, string extension);
}
