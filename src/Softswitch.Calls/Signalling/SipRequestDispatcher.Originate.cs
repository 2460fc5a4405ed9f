using Microsoft.Extensions.Logging;
using Softswitch.Calls.Bridging;
using Softswitch.Calls.Records;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Supervision;
using Softswitch.Channels;

namespace Softswitch.Calls.Signalling;

/// <summary>
/// Calls the switch places itself: the destination is routed as a caller in the request's context and permission class
/// would dial it (extensions, ring groups, trunk routes behind the toll-fraud guard), counted against <c>max_calls</c>,
/// and dialled by a <see cref="BridgedCall"/> whose answered leg runs the request's application.
/// </summary>
public sealed partial class SipRequestDispatcher : ICallOriginator
{
    public Task<OriginateResult> OriginateAsync(OriginateRequest request, CancellationToken cancellationToken = default)
    {
        if (_bridging is null || _admission is null) return Task.FromResult(BridgedCall.NotPlaced(OriginateOutcome.Refused));
        var source = new CallSource(CallSourceKinds.Switch, request.Requester, request.CallerId, request.CallerName, request.Context)
        {
            Permission = ParsePermission(request.Permission),
            OutsideNumber = request.CallerId,
        };
        if (Resolve(source, request.Destination, out var refusedWith, out var route) is not { } target || route is null)
        {
            LogOriginateRefused(request.Requester, request.Destination, refusedWith);
            return Task.FromResult(BridgedCall.NotPlaced(refusedWith is 486 or 600 or 603 ? OriginateOutcome.Busy : OriginateOutcome.Unavailable));
        }

        if (_admission.TryAdmit(null, out var admission) != CallLimitReached.None)
        {
            LogOriginateRefused(request.Requester, request.Destination, 503);
            return Task.FromResult(BridgedCall.NotPlaced(OriginateOutcome.Refused));
        }

        return BridgedCall.Originate(_bridging, source, route, target, request, admission, cancellationToken);
    }

    /// <summary>The toll-fraud class named in a request; anything unknown is the narrowest (no trunk).</summary>
    private static PermissionClass ParsePermission(string permission) =>
        Enum.TryParse<PermissionClass>(permission, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : PermissionClass.Internal;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Requester} cannot originate a call to {Destination} ({Status})")]
    private partial void LogOriginateRefused(string requester, string destination, int status);
}
