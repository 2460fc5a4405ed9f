using Microsoft.Extensions.Logging;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Signalling;

public sealed partial class SipRequestDispatcher
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallId}: {Method} {RequestUri} from {Source}")]
    private partial void LogRequest(string callId, string method, string requestUri, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: no route for {Dialled}, answered 404")]
    private partial void LogNoRoute(string callId, string dialled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: mailbox full, {Method} answered 503")]
    private partial void LogOverloaded(string callId, string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: new call while shutting down, answered 503")]
    private partial void LogShuttingDown(string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{CallId}: answering {Method} failed; sent 500")]
    private partial void LogHandlerFailed(Exception error, string callId, string method);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallId}: ACK matching no transaction from {Source}")]
    private partial void LogStrayAck(string callId, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallId}: response {StatusCode} for a request we did not send from {Source}")]
    private partial void LogStrayResponse(string callId, int statusCode, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{CallId}: response {StatusCode} with no one waiting for it")]
    private partial void LogUnexpectedResponse(string callId, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Method} timed out")]
    private partial void LogClientTimeout(string callId, string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Method} answered {StatusCode} was never acknowledged")]
    private partial void LogNoAck(string callId, string method, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Extension} dialled feature code {Code}")]
    private partial void LogFeatureCode(string callId, string extension, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Extension} dialled {Code}: no such extension to forward to, answered 404")]
    private partial void LogFeatureCodeRefused(string callId, string extension, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Extension} dialled *8: no call ringing in its pickup group, answered 480")]
    private partial void LogNothingToPickUp(string callId, string extension);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: INVITE from {Extension} replaces dialog {ReplacedCallId}: none of ours, {StatusCode}")]
    private partial void LogNothingToReplace(string callId, string extension, string replacedCallId, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: no module serves the {Target} route {Destination}: 480")]
    private partial void LogNoApplication(string callId, string target, string destination);
}
