using Microsoft.Extensions.Logging;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Supervision;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Signalling;

/// <summary>
/// What an authenticated INVITE meets before it is answered: the domain check (only our domain is served), the call's
/// first log line (who, from where, what, which route) and the concurrency limits.
/// </summary>
public sealed partial class SipRequestDispatcher
{
    /// <summary>
    /// 404 for a Request-URI host that is not ours (<see cref="LocalDomain"/>), whatever the user part: the switch is
    /// not a relay to other domains (until a trunk route says otherwise). True when refused.
    /// </summary>
    private bool RefuseForeignDomain(ServerTransaction invite, string? caller)
    {
        var request = invite.Request;
        if (_calls!.Domain.IsOurs(request.RequestUri.Host)) return false;
        // Logged before the answer goes out: whoever sees the 404 can already read why.
        LogForeignDomain(request.CallId, Caller(invite, caller), invite.Source.Address.ToString(), request.RequestUri.User ?? "",
            request.RequestUri.Host);
        invite.Respond(404, "Not Our Domain", toTag: SipIds.NewTag());
        return true;
    }

    /// <summary>The call's first line at Information: the caller (extension, else address), where from, what was dialled, the route.</summary>
    private void LogCallPlaced(ServerTransaction invite, string? caller, DialPlanRoute? route)
    {
        var request = invite.Request;
        LogCall(request.CallId, Caller(invite, caller), invite.Source.Address.ToString(), request.RequestUri.User ?? "",
            route?.Target.ToString().ToLowerInvariant() ?? "none", route?.Match ?? "-");
    }

    /// <summary>A place under <see cref="CallLimits"/>, or 503 with Retry-After (logged once) when a limit is reached.</summary>
    private bool TryAdmit(ServerTransaction invite, string? caller, out CallAdmissionTicket? admission)
    {
        var reached = _admission!.TryAdmit(caller, out admission);
        if (reached == CallLimitReached.None) return true;
        var limits = _calls!.Limits;
        var (key, limit) = reached == CallLimitReached.MaxCalls
            ? ("limits.max_calls", limits.MaxCalls)
            : ("limits.max_calls_per_extension", limits.MaxCallsPerExtension);
        LogCallLimit(invite.Request.CallId, Caller(invite, caller), invite.Source.Address.ToString(), key, limit);
        invite.Respond(503, "Call Limit Reached", toTag: SipIds.NewTag(),
            headers: [new("Retry-After", limits.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        return false;
    }

    private static string Caller(ServerTransaction invite, string? extension) => extension ?? invite.Source.Address.Address.ToString();

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: call from {Caller} ({Source}) to {Dialled}, route {RouteTarget} {RouteMatch}")]
    private partial void LogCall(string callId, string caller, string source, string dialled, string routeTarget, string routeMatch);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: call from {Caller} ({Source}) to {Dialled}@{RequestHost}: not our domain, answered 404")]
    private partial void LogForeignDomain(string callId, string caller, string source, string dialled, string requestHost);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: call from {Caller} ({Source}) refused 503: {Limit} ({LimitValue}) reached")]
    private partial void LogCallLimit(string callId, string caller, string source, string limit, int limitValue);
}
